package dev.gureum.core.alarm;

/** One dimension of the metric an alarm watches. */
public record AlarmDimension(String name, String value) {
}
