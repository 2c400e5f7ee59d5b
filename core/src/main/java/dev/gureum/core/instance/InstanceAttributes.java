package dev.gureum.core.instance;

/** The attributes of an instance a caller may change after launch (some only while it is stopped). */
public record InstanceAttributes(String instanceType, String userData, boolean monitoring, boolean ebsOptimized,
                                 boolean disableApiTermination, boolean disableApiStop, String shutdownBehavior,
                                 String cpuCredits) {

    public InstanceAttributes withInstanceType(String value) {
        return new InstanceAttributes(value, userData, monitoring, ebsOptimized, disableApiTermination, disableApiStop,
                shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withUserData(String value) {
        return new InstanceAttributes(instanceType, value, monitoring, ebsOptimized, disableApiTermination,
                disableApiStop, shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withMonitoring(boolean value) {
        return new InstanceAttributes(instanceType, userData, value, ebsOptimized, disableApiTermination,
                disableApiStop, shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withEbsOptimized(boolean value) {
        return new InstanceAttributes(instanceType, userData, monitoring, value, disableApiTermination,
                disableApiStop, shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withDisableApiTermination(boolean value) {
        return new InstanceAttributes(instanceType, userData, monitoring, ebsOptimized, value, disableApiStop,
                shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withDisableApiStop(boolean value) {
        return new InstanceAttributes(instanceType, userData, monitoring, ebsOptimized, disableApiTermination, value,
                shutdownBehavior, cpuCredits);
    }

    public InstanceAttributes withShutdownBehavior(String value) {
        return new InstanceAttributes(instanceType, userData, monitoring, ebsOptimized, disableApiTermination,
                disableApiStop, value, cpuCredits);
    }

    public InstanceAttributes withCpuCredits(String value) {
        return new InstanceAttributes(instanceType, userData, monitoring, ebsOptimized, disableApiTermination,
                disableApiStop, shutdownBehavior, value);
    }
}
