package dev.llmfleet.starter.supervision;

import dev.llmfleet.starter.errors.ErrorReporter;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ErrorHandler;

/**
 * What a {@code @Scheduled} task's failure does, an {@link Error} included: it is logged and goes
 * to the error bus, and the task runs again on its next turn (it is never rethrown, which would
 * cancel a repeating task).
 */
public final class ScheduledTaskFailures implements ErrorHandler {

    private static final Log log = LogFactory.getLog(ScheduledTaskFailures.class);

    private final Supplier<@Nullable ErrorReporter> reporter;

    public ScheduledTaskFailures(Supplier<@Nullable ErrorReporter> reporter) {
        this.reporter = reporter;
    }

    @Override
    public void handleError(Throwable failure) {
        log.error("A scheduled task failed; it runs again on its next turn", failure);
        try {
            ErrorReporter errors = reporter.get();
            if (errors != null) {
                errors.backgroundFailure(failure);
            }
        } catch (Throwable reportFailed) {
            log.warn("Could not report a scheduled task's failure: " + reportFailed);
        }
    }
}
