package dev.llmfleet.trainer.worker;

import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * How the worker tells the scheduler how a lease ended: a report that does not get through is
 * logged, not thrown, since the lease then runs out and the scheduler takes the job back anyway.
 */
final class SchedulerReports {

    private static final Log log = LogFactory.getLog(SchedulerReports.class);

    /** The longest reason the scheduler keeps. */
    private static final int MAX_REASON = 1000;

    private SchedulerReports() {}

    /** The answer of {@code call}, or null when the scheduler could not be told. */
    static <T> T tell(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("Could not report to the scheduler (the lease will run out and the job come back): " + e);
            return null;
        }
    }

    /** {@code reason} cut to the length the scheduler keeps. */
    static String shortened(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
