package dev.gureum.core.storage;

import dev.gureum.core.store.WriteBatch;
import java.time.Instant;

/**
 * What storage tells the billing meter about volumes, in the batch that changes them: a volume is
 * provisioned (created, made at launch), reshaped (a modification changes its size or type) or released
 * (deleting). EBS bills provisioned GB whatever the state of the instance it is attached to.
 */
public interface VolumeLedger {
    VolumeLedger NONE = new VolumeLedger() {
        @Override
        public void provisioned(WriteBatch batch, Volume volume, Instant at) {
        }

        @Override
        public void reshaped(WriteBatch batch, Volume before, Volume after, Instant at) {
        }

        @Override
        public void released(WriteBatch batch, Volume volume, Instant at) {
        }
    };

    void provisioned(WriteBatch batch, Volume volume, Instant at);

    void reshaped(WriteBatch batch, Volume before, Volume after, Instant at);

    void released(WriteBatch batch, Volume volume, Instant at);
}
