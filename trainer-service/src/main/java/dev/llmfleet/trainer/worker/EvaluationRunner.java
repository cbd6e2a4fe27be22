package dev.llmfleet.trainer.worker;

import static dev.llmfleet.trainer.worker.SchedulerReports.shortened;
import static dev.llmfleet.trainer.worker.SchedulerReports.tell;

import dev.llmfleet.api.orchestrator.EvaluationClient;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.PausedRequest;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.evaluation.CheckpointEvaluator;
import dev.llmfleet.trainer.evaluation.EvaluationRefusedException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Runs one evaluation lease (job kind EVALUATION, payload {@code evaluation:<id>}) on its device's
 * worker thread, so it never overlaps a training run on that device: fetches the spec from the
 * core-orchestrator, answers it with the checkpoint it names, posts the report, completes the
 * lease with "evaluated N questions". The lease is renewed throughout; PAUSE stops it (reported
 * paused: it starts over when resumed), ABANDON stops it with nothing reported, a shutdown fails it
 * for a retry. Everything else that goes wrong fails the lease with its reason: retriable when the
 * orchestrator did not answer or the run broke, not when the checkpoint is outside the data
 * folder, missing or damaged, or the questions do not fit the model.
 */
@Component
class EvaluationRunner implements AutoCloseable {

    private static final Log log = LogFactory.getLog(EvaluationRunner.class);

    private final SchedulerClient scheduler;
    private final EvaluationClient orchestrator;
    private final CheckpointEvaluator evaluator;
    private final TrainerControlService control;
    private final EvaluationOutcomes outcomes;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trainer-evaluation-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Set<AtomicBoolean> current = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    EvaluationRunner(
            SchedulerClient scheduler,
            EvaluationClient orchestrator,
            CheckpointEvaluator evaluator,
            TrainerControlService control,
            EvaluationOutcomes outcomes) {
        this.scheduler = scheduler;
        this.orchestrator = orchestrator;
        this.evaluator = evaluator;
        this.control = control;
        this.outcomes = outcomes;
    }

    static boolean handles(Lease lease) {
        return lease.job() != null && lease.job().kind() == JobKind.EVALUATION;
    }

    void run(Lease lease) {
        long started = System.nanoTime();
        Optional<UUID> id = evaluationOf(lease.job().payloadRef());
        if (id.isEmpty()) {
            String reason =
                    "payload " + lease.job().payloadRef() + " is not " + EvaluationClient.PAYLOAD_PREFIX + "<id>";
            tell(() -> scheduler.fail(lease.leaseId(), new FailJobRequest(shortened(reason), false)));
            outcomes.failed(started, reason, false, null);
            return;
        }
        AtomicBoolean stop = new AtomicBoolean(shuttingDown);
        current.add(stop);
        try (Heartbeats heartbeats = Heartbeats.start(beats, scheduler, lease, () -> stop.set(true))) {
            new Attempt(lease, id.get(), heartbeats, stop, started).run();
        } finally {
            current.remove(stop);
        }
    }

    /** One evaluation from its spec to its report, and how it is told to the scheduler. */
    private final class Attempt {
        private final Lease lease;
        private final UUID id;
        private final Heartbeats heartbeats;
        private final AtomicBoolean stop;
        private final long started;

        Attempt(Lease lease, UUID id, Heartbeats heartbeats, AtomicBoolean stop, long started) {
            this.lease = lease;
            this.id = id;
            this.heartbeats = heartbeats;
            this.stop = stop;
            this.started = started;
        }

        void run() {
            if (heartbeats.action() == LeaseAction.ABANDON) {
                outcomes.ended("abandoned", started);
                return;
            }
            control.note("evaluating " + id + " (job " + lease.jobId() + ")");
            EvaluationSpec spec;
            try {
                spec = orchestrator.spec(id);
            } catch (RuntimeException e) {
                fail("cannot fetch evaluation " + id + " from core-orchestrator: " + e.getMessage(), retriable(e), e);
                return;
            }
            Optional<EvaluationReport> report;
            try {
                report = evaluator.evaluate(spec, stop::get);
            } catch (EvaluationRefusedException e) {
                fail("evaluation " + id + " cannot run: " + e.getMessage(), false, e);
                return;
            } catch (RuntimeException e) {
                fail("evaluation " + id + " of " + spec.checkpoint() + " failed: " + e.getMessage(), true, e);
                return;
            }
            heartbeats.close();
            if (report.isEmpty() || heartbeats.action() == LeaseAction.ABANDON) {
                stopped();
            } else {
                deliver(spec, report.get());
            }
        }

        private void deliver(EvaluationSpec spec, EvaluationReport report) {
            try {
                orchestrator.report(id, report);
            } catch (RuntimeException e) {
                fail("cannot report evaluation " + id + " to core-orchestrator: " + e.getMessage(), retriable(e), e);
                return;
            }
            String summary = "evaluated " + report.results().size() + " questions";
            tell(() -> scheduler.complete(lease.leaseId(), new CompleteJobRequest(null, summary)));
            outcomes.ended("completed", started);
            String event = summary + " of " + spec.checkpoint() + " for evaluation " + id + ": mean answer loss "
                    + String.format("%.4f", report.validationLoss());
            control.note(event);
            log.info(event);
        }

        private void stopped() {
            LeaseAction told = heartbeats.action();
            if (told == LeaseAction.ABANDON) {
                outcomes.ended("abandoned", started);
                log.info("Evaluation " + id + " taken back by the scheduler");
            } else if (told == LeaseAction.PAUSE) {
                // Nothing to keep: a paused evaluation starts over when resumed.
                tell(() -> scheduler.paused(
                        lease.leaseId(), new PausedRequest(lease.job().payloadRef())));
                outcomes.ended("paused", started);
                control.note("evaluation " + id + " paused by the scheduler");
            } else {
                String reason = "trainer shut down during evaluation " + id;
                tell(() -> scheduler.fail(lease.leaseId(), new FailJobRequest(reason, true)));
                outcomes.ended("shutdown", started);
                log.info(reason + "; it goes back on the queue");
            }
        }

        private void fail(String reason, boolean retriable, Exception e) {
            if (heartbeats.action() == LeaseAction.ABANDON) {
                outcomes.ended("abandoned", started);
                log.info("Evaluation " + id + " taken back by the scheduler, then: " + reason);
                return;
            }
            log.warn("Job " + lease.jobId() + ": " + reason + (retriable ? " (retried)" : " (not retried)"));
            tell(() -> scheduler.fail(lease.leaseId(), new FailJobRequest(shortened(reason), retriable)));
            outcomes.failed(started, reason, retriable, e);
            control.note(shortened(reason));
        }
    }

    /** Not retried: the orchestrator answered that the request itself is wrong (an unknown evaluation, a refused report). */
    private static boolean retriable(RuntimeException e) {
        return !(e instanceof HttpClientErrorException client)
                || client.getStatusCode().isSameCodeAs(HttpStatus.REQUEST_TIMEOUT)
                || client.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS);
    }

    private static Optional<UUID> evaluationOf(String payloadRef) {
        if (payloadRef == null || !payloadRef.startsWith(EvaluationClient.PAYLOAD_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(payloadRef.substring(EvaluationClient.PAYLOAD_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean evaluating() {
        return !current.isEmpty();
    }

    /** Stops every evaluation in progress after its current question; each goes back on the queue. */
    void shutdown() {
        shuttingDown = true;
        current.forEach(stop -> stop.set(true));
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
