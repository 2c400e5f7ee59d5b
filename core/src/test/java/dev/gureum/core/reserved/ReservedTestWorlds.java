package dev.gureum.core.reserved;

import dev.gureum.core.billing.Bills;
import dev.gureum.core.time.ManualClock;

/** A {@link ReservedWorld} for tests of other packages (Cost Explorer reads the same bill). */
public final class ReservedTestWorlds {
    public static final String ACCOUNT = ReservedWorld.ACCOUNT;

    private ReservedTestWorlds() {
    }

    /** The view other packages' tests get of a world. */
    public interface World {
        Bills bills();

        ManualClock clock();

        void buy(String type, OfferingClass offeringClass, Term term, PaymentOption payment, int count);

        void run(String instanceId, String type, String zone);
    }

    public static World create() {
        ReservedWorld world = new ReservedWorld();
        return new World() {
            @Override
            public Bills bills() {
                return world.bills;
            }

            @Override
            public ManualClock clock() {
                return world.clock;
            }

            @Override
            public void buy(String type, OfferingClass offeringClass, Term term, PaymentOption payment, int count) {
                world.buy(type, null, offeringClass, term, payment, count);
            }

            @Override
            public void run(String instanceId, String type, String zone) {
                world.run(instanceId, type, zone);
            }
        };
    }
}
