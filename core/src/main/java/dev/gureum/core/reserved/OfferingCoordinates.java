package dev.gureum.core.reserved;

/** What identifies an offering: everything but its prices, which follow from the price list. */
record OfferingCoordinates(String region, String instanceType, String availabilityZone, OfferingClass offeringClass,
                           Term term, PaymentOption payment) {
}
