package dev.gureum.core.alarm;

/** TreatMissingData: what a missing datapoint counts as when an alarm has fewer real datapoints than it evaluates. */
public enum MissingData {
    MISSING("missing"), IGNORE("ignore"), BREACHING("breaching"), NOT_BREACHING("notBreaching");

    private final String wireName;

    MissingData(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MissingData fromWire(String value) {
        for (MissingData treatment : values()) {
            if (treatment.wireName.equals(value)) {
                return treatment;
            }
        }
        return null;
    }
}
