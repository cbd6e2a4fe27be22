package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/**
 * A worker reported on a lease the scheduler no longer holds for it (it expired, or the job was
 * cancelled or skipped): its report is refused with a 409 and the job is left as it is.
 */
public class LeaseLostException extends FleetException {

    private LeaseLostException(String message) {
        super(Kind.CONFLICT, "lease-lost", message);
    }

    public static LeaseLostException forLease(UUID leaseId) {
        return new LeaseLostException("Lease " + leaseId + " is not held any more");
    }
}
