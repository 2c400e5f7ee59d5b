package dev.gureum.server.sns;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.protocol.service.SnsWire;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;
import java.util.List;

/**
 * The SNS endpoint ({@code sns}): aws-query over one handler table. No operation has a handler yet, so
 * every operation of the model answers {@code InvalidAction}; handlers are registered as they are written.
 */
public final class SnsApi {
    private SnsApi() {
    }

    public static ServiceEndpoint create() {
        OperationTable table = new OperationTable();
        return new ServiceEndpoint(SnsWire.SIGNING_NAME, List.of(SnsWire.protocol(SnsWire.catalog())),
                RequiredMembers.forService("sns"), table, CommonError.INVALID_ACTION);
    }
}
