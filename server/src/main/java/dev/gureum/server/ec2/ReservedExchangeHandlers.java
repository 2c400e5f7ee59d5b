package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.reserved.ExchangeQuote;
import dev.gureum.core.reserved.ReservedExchanges;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AcceptReservedInstancesExchangeQuoteRequest;
import software.amazon.awssdk.services.ec2.model.AcceptReservedInstancesExchangeQuoteResponse;
import software.amazon.awssdk.services.ec2.model.GetReservedInstancesExchangeQuoteRequest;
import software.amazon.awssdk.services.ec2.model.GetReservedInstancesExchangeQuoteResponse;
import software.amazon.awssdk.services.ec2.model.ReservationValue;
import software.amazon.awssdk.services.ec2.model.ReservedInstanceReservationValue;
import software.amazon.awssdk.services.ec2.model.TargetConfiguration;
import software.amazon.awssdk.services.ec2.model.TargetConfigurationRequest;
import software.amazon.awssdk.services.ec2.model.TargetReservationValue;

/**
 * GetReservedInstancesExchangeQuote and AcceptReservedInstancesExchangeQuote. The quote's money values are
 * strings on the wire, as EC2 sends them; an exchange that breaks a rule is answered with IsValidExchange
 * false and the reason, and refused by Accept.
 */
final class ReservedExchangeHandlers {
    private final ReservedExchanges exchanges;

    ReservedExchangeHandlers(ReservedExchanges exchanges) {
        this.exchanges = exchanges;
    }

    void registerInto(OperationTable table) {
        table.register(GetReservedInstancesExchangeQuoteRequest.class, this::quote);
        table.register(AcceptReservedInstancesExchangeQuoteRequest.class, this::accept);
    }

    GetReservedInstancesExchangeQuoteResponse quote(GetReservedInstancesExchangeQuoteRequest request,
                                                    RequestContext context) {
        ExchangeQuote quote = exchanges.quote(context, request.reservedInstanceIds(),
                targets(request.targetConfigurations()));
        return GetReservedInstancesExchangeQuoteResponse.builder()
                .currencyCode("USD")
                .isValidExchange(quote.valid())
                .validationFailureReason(quote.failureReason())
                .outputReservedInstancesWillExpireAt(quote.expiresAt())
                .paymentDue(quote.paymentDue().toPlainString())
                .reservedInstanceValueRollup(value(quote.sourceRollup()))
                .reservedInstanceValueSet(quote.sources().stream()
                        .map(source -> ReservedInstanceReservationValue.builder()
                                .reservedInstanceId(source.reservedInstanceId())
                                .reservationValue(value(source)).build()).toList())
                .targetConfigurationValueRollup(value(quote.targetRollup()))
                .targetConfigurationValueSet(quote.targets().stream()
                        .map(target -> TargetReservationValue.builder()
                                .targetConfiguration(TargetConfiguration.builder().offeringId(target.offeringId())
                                        .instanceCount(target.instanceCount()).build())
                                .reservationValue(value(target)).build()).toList())
                .build();
    }

    AcceptReservedInstancesExchangeQuoteResponse accept(AcceptReservedInstancesExchangeQuoteRequest request,
                                                        RequestContext context) {
        return AcceptReservedInstancesExchangeQuoteResponse.builder()
                .exchangeId(exchanges.accept(context, request.reservedInstanceIds(),
                        targets(request.targetConfigurations())))
                .build();
    }

    private static List<ReservedExchanges.Target> targets(List<TargetConfigurationRequest> requested) {
        return requested.stream().map(target -> new ReservedExchanges.Target(target.offeringId(),
                target.instanceCount())).toList();
    }

    private static ReservationValue value(ExchangeQuote.Value value) {
        return ReservationValue.builder()
                .hourlyPrice(value.hourlyPrice().toPlainString())
                .remainingUpfrontValue(value.remainingUpfrontValue().toPlainString())
                .remainingTotalValue(value.remainingTotalValue().toPlainString())
                .build();
    }
}
