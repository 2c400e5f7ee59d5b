package dev.gureum.core.alarm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An alarm action ARN, read once: an SNS topic, or an EC2 action on the instance of the alarm's InstanceId
 * dimension in either of CloudWatch's forms ({@code arn:aws:automate:<region>:ec2:stop} and the older
 * {@code arn:aws:swf:<region>:<account>:action/actions/AWS_EC2.InstanceId.Stop/1.0}). Other services' actions
 * (Auto Scaling, Systems Manager, Lambda) are not run by Gureum and are refused at PutMetricAlarm.
 */
public record AlarmAction(String arn, Kind kind) {
    private static final Pattern SNS = Pattern.compile("arn:aws:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_.-]{1,256})");
    private static final Pattern AUTOMATE = Pattern.compile("arn:aws:automate:([a-z0-9-]+):ec2:(stop|terminate|reboot|recover)");
    private static final Pattern SWF = Pattern.compile(
            "arn:aws:swf:([a-z0-9-]+):(\\d{12}):action/actions/AWS_EC2\\.InstanceId\\.(Stop|Terminate|Reboot)/1\\.0");

    /** What an action does. */
    public enum Kind {
        SNS, EC2_STOP, EC2_TERMINATE, EC2_REBOOT, EC2_RECOVER;

        public boolean isEc2() {
            return this != SNS;
        }
    }

    /**
     * @return the action, or null when the ARN is none of the forms Gureum runs
     * @throws IllegalArgumentException when the ARN names another region
     */
    public static AlarmAction parse(String arn, String region) {
        Matcher sns = SNS.matcher(arn);
        if (sns.matches()) {
            requireRegion(sns.group(1), region, arn);
            return new AlarmAction(arn, Kind.SNS);
        }
        Matcher automate = AUTOMATE.matcher(arn);
        if (automate.matches()) {
            requireRegion(automate.group(1), region, arn);
            return new AlarmAction(arn, kindOf(automate.group(2)));
        }
        Matcher swf = SWF.matcher(arn);
        if (swf.matches()) {
            requireRegion(swf.group(1), region, arn);
            return new AlarmAction(arn, kindOf(swf.group(3).toLowerCase(java.util.Locale.ROOT)));
        }
        return null;
    }

    private static Kind kindOf(String verb) {
        return switch (verb) {
            case "stop" -> Kind.EC2_STOP;
            case "terminate" -> Kind.EC2_TERMINATE;
            case "reboot" -> Kind.EC2_REBOOT;
            default -> Kind.EC2_RECOVER;
        };
    }

    private static void requireRegion(String given, String region, String arn) {
        if (!given.equals(region)) {
            throw new IllegalArgumentException("Invalid region " + given + " specified. Only " + region
                    + " is supported. (action: " + arn + ")");
        }
    }
}
