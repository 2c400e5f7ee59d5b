package dev.gureum.core.instancetype;

/** The five categories AWS's "Amazon EC2 instance types" documentation files every family under. */
public enum Category {
    GENERAL_PURPOSE("general-purpose"),
    COMPUTE_OPTIMIZED("compute-optimized"),
    MEMORY_OPTIMIZED("memory-optimized"),
    ACCELERATED_COMPUTING("accelerated-computing"),
    STORAGE_OPTIMIZED("storage-optimized");

    private final String dataName;

    Category(String dataName) {
        this.dataName = dataName;
    }

    /** The spelling in the data files, e.g. {@code memory-optimized}. */
    public String dataName() {
        return dataName;
    }

    static Category fromDataName(String name) {
        for (Category category : values()) {
            if (category.dataName.equals(name)) {
                return category;
            }
        }
        throw new IllegalStateException("unknown instance type category " + name);
    }
}
