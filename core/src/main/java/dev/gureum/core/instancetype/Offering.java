package dev.gureum.core.instancetype;

/** One instance type offered at one location: a region name, a zone name or a zone id. */
public record Offering(String instanceType, LocationType locationType, String location) {
}
