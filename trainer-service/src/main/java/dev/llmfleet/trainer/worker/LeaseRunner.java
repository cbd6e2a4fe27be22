package dev.llmfleet.trainer.worker;

import static dev.llmfleet.trainer.worker.SchedulerReports.shortened;
import static dev.llmfleet.trainer.worker.SchedulerReports.tell;

import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.PausedRequest;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.control.RunStart;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.dataset.DatasetService;
import dev.llmfleet.trainer.engine.DatasetFormat;
import dev.llmfleet.trainer.engine.TrainingControl;
import dev.llmfleet.trainer.engine.TrainingEngine;
import dev.llmfleet.trainer.engine.TrainingResult;
import dev.llmfleet.trainer.engine.TrainingSettings;
import dev.llmfleet.trainer.queue.TrainingJobs;
import dev.llmfleet.trainer.run.BaseModels;
import dev.llmfleet.trainer.run.RunPolicy;
import dev.llmfleet.trainer.run.RunRecord;
import dev.llmfleet.trainer.run.TrainingPlan;
import dev.llmfleet.trainer.validation.DatasetSpecRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one lease: continues from the job's newest complete checkpoint when it has one (a pause,
 * a stop, a crash), heartbeats while it trains, and tells the scheduler how it ended: completed,
 * paused (pause, stop, or the scheduler's own pause), skipped, failed with the reason, or nothing
 * when the scheduler took the lease back.
 */
@Component
class LeaseRunner implements AutoCloseable {

    private static final Log log = LogFactory.getLog(LeaseRunner.class);
    private static final JobActionRequest BY_TRAINER = new JobActionRequest("trainer-service", null);

    private final SchedulerClient scheduler;
    private final DatasetService datasets;
    private final DatasetSpecRegistry specs;
    private final TrainingPlan plan;
    private final TrainerControlService control;
    private final RunListenerFactory listeners;
    private final RunPolicy runs;
    private final BaseModels bases;
    private final Completions completions;
    // One worker per device, so several runs may beat at once; a beat is a short call.
    private final ScheduledExecutorService beats = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "trainer-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Set<TrainingControl> current = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    LeaseRunner(
            SchedulerClient scheduler,
            DatasetService datasets,
            DatasetSpecRegistry specs,
            TrainingPlan plan,
            TrainerControlService control,
            RunListenerFactory listeners,
            RunPolicy runs,
            BaseModels bases,
            TrainerProperties properties) {
        this.runs = runs;
        this.bases = bases;
        this.scheduler = scheduler;
        this.datasets = datasets;
        this.specs = specs;
        this.plan = plan;
        this.control = control;
        this.listeners = listeners;
        TrainerProperties.Worker worker = properties.worker();
        this.completions = new Completions(
                scheduler,
                worker.completionAttempts(),
                worker.completionBackoff(),
                wait -> Thread.sleep(wait.toMillis()));
    }

    void run(Lease lease) {
        String sha = TrainingJobs.datasetOf(lease.job().payloadRef());
        Optional<DatasetView> found = datasets.find(sha).filter(d -> datasets.hasFile(sha));
        if (found.isEmpty()) {
            tell(() -> scheduler.fail(
                    lease.leaseId(), new FailJobRequest("dataset " + sha + " is not on this host", false)));
            return;
        }
        DatasetView dataset = found.get();
        Path runDirectory = plan.runDirectory(lease.jobId());
        Optional<VerifiedCheckpoint> from = newestCheckpoint(lease.jobId());
        DatasetFormat format = specs.byName(dataset.spec()).orElseThrow().format();
        TrainingSettings settings;
        RunRecord record;
        try {
            RunSettings run = dataset.run() != null ? dataset.run() : runs.effective(null, format);
            record = RunRecord.readOrCreate(runDirectory, run, () -> bases.resolve(run.base()));
            settings = plan.settings(lease.jobId(), datasets.file(sha), format, record.settings(), record.base());
        } catch (RuntimeException e) {
            fail(lease, sha, e, null);
            return;
        }
        TrainingControl engineControl = new TrainingControl();
        current.add(engineControl);
        try (Heartbeats heartbeats = Heartbeats.start(beats, scheduler, lease, engineControl::requestStop)) {
            if (heartbeats.action() == LeaseAction.ABANDON) {
                return;
            }
            Files.createDirectories(runDirectory);
            datasets.moveTo(
                    sha, DatasetStatus.TRAINING, "training from " + record.baseHow() + ", attempt " + lease.attempt());
            Long resumedFrom = from.map(c -> stepOf(c.directory())).orElse(null);
            long totalSteps = settings.length()
                    .steps(
                            settings.data().trainingExamples(Math.toIntExact(dataset.examples())),
                            settings.batchSize(),
                            settings.gradientAccumulation());
            control.started(
                    new RunStart(lease.jobId(), lease.leaseId(), sha, dataset.name(), totalSteps, resumedFrom),
                    engineControl);
            RunListener listener = listeners.create(
                    new RunListener.RunContext(lease.jobId(), sha, datasets.file(sha), runDirectory, lease.attempt()));
            if (shuttingDown) {
                engineControl.requestStop();
            }
            train(lease, settings, from, engineControl, heartbeats, listener, sha);
        } catch (IOException e) {
            fail(lease, sha, e, null);
        } finally {
            current.remove(engineControl);
        }
    }

    private void train(
            Lease lease,
            TrainingSettings settings,
            Optional<VerifiedCheckpoint> from,
            TrainingControl engineControl,
            Heartbeats heartbeats,
            RunListener listener,
            String sha) {
        TrainingResult result;
        PeakMemory memory = PeakMemory.start();
        try {
            TrainingEngine engine = new TrainingEngine(settings, List.of(listener));
            result = from.isPresent()
                    ? engine.resume(from.get().directory(), engineControl)
                    : engine.train(engineControl);
        } catch (RuntimeException e) {
            fail(lease, sha, e, listener);
            return;
        }
        heartbeats.close();
        new RunEnding(lease, sha, result, heartbeats.action(), listener, memory.peakMb()).report();
    }

    /** How a run that returned is reported, by what stopped it. */
    private final class RunEnding {
        private final Lease lease;
        private final String sha;
        private final TrainingResult result;
        private final LeaseAction told;
        private final RunListener listener;
        private final Long peakMb;

        RunEnding(Lease lease, String sha, TrainingResult result, LeaseAction told, RunListener listener, Long peakMb) {
            this.peakMb = peakMb;
            this.lease = lease;
            this.sha = sha;
            this.result = result;
            this.told = told;
            this.listener = listener;
        }

        void report() {
            TrainerState asked = control.ending(lease.jobId());
            long step = result.finalStep();
            if (told == LeaseAction.ABANDON) {
                ended(
                        "job " + lease.jobId() + " taken back by the scheduler at step " + step,
                        null,
                        "abandoned",
                        RunState.STOPPED);
            } else if (!result.stoppedEarly()) {
                Completions.Settled settled =
                        completions.complete(lease, new CompleteJobRequest(peakMb, "trained " + step + " steps"));
                datasets.moveTo(sha, settled.status(), shortened(settled.reason()));
                if (settled.status() == DatasetStatus.COMPLETED) {
                    ended("completed job " + lease.jobId() + " at step " + step, null, "completed", RunState.COMPLETED);
                } else {
                    ended(
                            "job " + lease.jobId() + " trained to step " + step + " but not completed: "
                                    + settled.reason(),
                            null,
                            "unconfirmed",
                            RunState.STOPPED);
                }
            } else if (asked == TrainerState.SKIPPING) {
                tell(() -> scheduler.skip(lease.jobId(), BY_TRAINER));
                datasets.skipped(sha, "skipped at step " + step + " by an operator");
                ended(
                        "skipped job " + lease.jobId() + " at step " + step + ": it waits at the end of LOW",
                        null,
                        "skipped",
                        RunState.STOPPED);
            } else if (shuttingDown && asked == TrainerState.TRAINING) {
                pausedAt(step);
                tell(() -> scheduler.resume(lease.jobId(), BY_TRAINER));
                datasets.moveTo(sha, DatasetStatus.QUEUED, "trainer shut down at step " + step);
                ended(
                        "shut down at step " + step + "; job " + lease.jobId() + " queued again",
                        null,
                        "shutdown",
                        RunState.STOPPED);
            } else {
                pausedAt(step);
                datasets.moveTo(sha, DatasetStatus.PAUSED, asked + " at step " + step);
                String how = asked == TrainerState.STOPPING ? "stopped" : "paused";
                ended(
                        how + " job " + lease.jobId() + " at step " + step + " with its checkpoint",
                        lease.jobId(),
                        how,
                        asked == TrainerState.STOPPING ? RunState.STOPPED : RunState.PAUSED);
            }
        }

        private void pausedAt(long step) {
            String checkpoint = "runs/" + lease.jobId() + "/checkpoints/"
                    + result.lastCheckpoint().getFileName();
            tell(() -> scheduler.paused(lease.leaseId(), new PausedRequest(checkpoint)));
        }

        private void ended(String event, UUID waitingJob, String outcome, RunState state) {
            log.info(event);
            control.ended(lease.jobId(), event, waitingJob);
            listeners.ended(listener, outcome, state);
        }
    }

    private void fail(Lease lease, String sha, Exception e, RunListener listener) {
        String reason = "training failed: " + e.getMessage();
        log.error("Job " + lease.jobId() + " " + reason, e);
        JobResponse job = tell(() -> scheduler.fail(lease.leaseId(), new FailJobRequest(shortened(reason), true)));
        // Unreported (the scheduler unreachable, or the lease already lost), the job comes back when its lease runs
        // out.
        boolean failedForGood = job != null && job.state() == JobState.FAILED;
        DatasetStatus to = failedForGood ? DatasetStatus.FAILED : DatasetStatus.QUEUED;
        // A run that fails before it starts finds the dataset where the queue left it (QUEUED, PAUSED...).
        if (datasets.find(sha).map(DatasetView::status).orElse(null) != to) {
            datasets.moveTo(sha, to, shortened(reason));
        }
        control.ended(lease.jobId(), reason, null);
        if (listener != null) {
            listeners.ended(listener, "failed", RunState.FAILED);
        }
    }

    private Optional<VerifiedCheckpoint> newestCheckpoint(UUID jobId) {
        try {
            return CheckpointReader.latestComplete(plan.checkpointDirectory(jobId));
        } catch (IOException e) {
            log.warn("Cannot look for checkpoints of job " + jobId + ", starting it afresh: " + e);
            return Optional.empty();
        }
    }

    private static long stepOf(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        return Long.parseLong(name.substring(name.indexOf('-') + 1));
    }

    boolean training() {
        return !current.isEmpty();
    }

    /** Every run finishes its current batch, checkpoints, and puts its job back on the queue; no new run starts. */
    void shutdown() {
        shuttingDown = true;
        current.forEach(TrainingControl::requestStop);
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
