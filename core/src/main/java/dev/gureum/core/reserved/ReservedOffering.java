package dev.gureum.core.reserved;

import java.math.BigDecimal;

/**
 * One Reserved Instance offering, computed from the price list and never stored: an instance type in a
 * region, for the whole region ({@code availabilityZone} null) or one zone, of one class, term and payment
 * option; Linux/UNIX, default tenancy, sold by AWS (Gureum has no Marketplace). Prices are per instance.
 */
public record ReservedOffering(String id, String region, String instanceType, String availabilityZone,
                               OfferingClass offeringClass, Term term, PaymentOption payment, BigDecimal fixedPrice,
                               BigDecimal hourlyPrice) {
    public static final String PRODUCT_DESCRIPTION = "Linux/UNIX";
    public static final String TENANCY = "default";
    public static final String CURRENCY = "USD";

    /**
     * Whether a product description asked for names the Linux/UNIX product: its own name or its VPC name
     * ({@code Linux/UNIX (Amazon VPC)}), which every instance has now that EC2-Classic is gone.
     */
    public static boolean isLinux(String productDescription) {
        return PRODUCT_DESCRIPTION.equals(productDescription) || "Linux/UNIX (Amazon VPC)".equals(productDescription);
    }

    public ReservationScope scope() {
        return availabilityZone == null ? ReservationScope.REGION : ReservationScope.AVAILABILITY_ZONE;
    }
}
