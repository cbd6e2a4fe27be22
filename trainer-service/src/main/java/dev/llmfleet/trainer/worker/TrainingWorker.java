package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.HostLeaseClient;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.gpu.DeviceProbe;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.control.TrainerControlService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The training host's workers: one per device it reports (its GPUs, or the CPU), each on its own
 * thread long-polling the scheduler for that device's leases and working them one at a time. The
 * scheduler leases a device one job at a time, so a device's evaluation never runs beside its
 * training run, and no lease waits behind another device's run. A TRAINING job is trained
 * ({@link LeaseRunner}), an EVALUATION job evaluates a checkpoint for the core-orchestrator
 * ({@link EvaluationRunner}).
 *
 * <p>Before the first poll the host tells the scheduler that it restarted: whatever leases it held
 * belong to a process that is gone, so their jobs go back to the queue at once, without using an
 * attempt, and resume from their checkpoints. While paused (or pausing) no worker takes work. On
 * shutdown every run in progress finishes its batch, checkpoints and goes back on the queue; an
 * evaluation in progress stops after its current question and goes back on the queue.
 */
@Component
@ConditionalOnProperty(name = "fleet.trainer.worker.enabled", havingValue = "true", matchIfMissing = true)
class TrainingWorker implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(TrainingWorker.class);

    private final HostLeaseClient leases;
    private final LeaseRunner runner;
    private final EvaluationRunner evaluations;
    private final TrainerControlService control;
    private final DeviceProbe devices;
    private final TrainerProperties.Worker settings;
    private final LoopSupervisor supervisor;
    private final String host;
    private volatile boolean running;
    private boolean restartAnnounced;
    private List<DeviceLoop> loops = List.of();

    TrainingWorker(
            HostLeaseClient leases,
            LeaseRunner runner,
            EvaluationRunner evaluations,
            TrainerControlService control,
            DeviceProbe devices,
            TrainerProperties properties,
            FleetStarterProperties fleet,
            LoopSupervisor supervisor) {
        this.supervisor = supervisor;
        this.leases = leases;
        this.runner = runner;
        this.evaluations = evaluations;
        this.control = control;
        this.devices = devices;
        this.settings = properties.worker();
        this.host = fleet.instance().host();
    }

    @Override
    public void start() {
        running = true;
        // Before the device reporter's first report (it starts in a later phase): while this host's
        // devices are still silent, a lease of its last life that runs out gives its attempt back,
        // and once they report again its leases are already given back. If the scheduler cannot be
        // told yet, the workers keep trying before their first poll.
        try {
            announceRestart();
        } catch (RuntimeException e) {
            log.warn("Cannot tell the scheduler that " + host + " restarted yet; the workers try again: " + e);
        }
        loops = devices.probe().stream()
                .map(DeviceInfo::uuid)
                .distinct()
                .map(DeviceLoop::new)
                .toList();
        log.info("Working leases of " + host + " on " + loops.size() + " device(s): "
                + loops.stream().map(loop -> loop.device).toList());
        loops.forEach(DeviceLoop::start);
    }

    /** Once per process, before any poll; throws while the scheduler cannot be told, and is tried again. */
    private synchronized void announceRestart() {
        if (restartAnnounced) {
            return;
        }
        List<JobResponse> released = leases.releaseHost(host);
        restartAnnounced = true;
        if (!released.isEmpty()) {
            log.info("Gave back the " + released.size() + " lease(s) " + host
                    + " held before it restarted; their jobs are queued again: "
                    + released.stream().map(JobResponse::id).toList());
        }
    }

    private void work(Lease lease) {
        if (EvaluationRunner.handles(lease)) {
            evaluations.run(lease);
        } else {
            runner.run(lease);
        }
    }

    /**
     * One device's worker, on a thread its supervisor starts again when it dies of anything (an
     * {@link Error} from native code included): the crash goes to the error bus and the trainer is
     * not ready until the worker runs again.
     */
    private final class DeviceLoop {
        private final String device;
        private volatile SupervisedLoop thread;
        private boolean working;

        DeviceLoop(String device) {
            this.device = device;
        }

        void start() {
            thread = supervisor.start("trainer-worker-" + device, this::run);
        }

        private void run(SupervisedLoop supervised) {
            while (running && !supervised.stopping()) {
                try {
                    if (!control.awaitWork(1000)) {
                        continue;
                    }
                    announceRestart();
                    for (Lease lease : leases.pollLeases(
                            host, device, (int) settings.pollWait().toSeconds())) {
                        if (!startWorking()) {
                            break;
                        }
                        try {
                            work(lease);
                        } finally {
                            stopWorking();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    log.warn("Cannot reach the scheduler for the leases of " + device + ", retrying in "
                            + settings.retryDelay() + ": " + e);
                    pause();
                }
            }
        }

        private synchronized boolean startWorking() {
            working = running;
            return working;
        }

        private synchronized void stopWorking() {
            working = false;
        }

        /** Cuts a long-poll short; a run is never interrupted, it checkpoints. */
        synchronized void stopPolling() {
            thread.stop();
            if (!working) {
                thread.interrupt();
            }
        }

        private void pause() {
            try {
                TimeUnit.MILLISECONDS.sleep(settings.retryDelay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        loops.forEach(DeviceLoop::stopPolling);
        runner.shutdown();
        evaluations.shutdown();
        long deadline = System.nanoTime() + settings.pollWait().plusSeconds(30).toNanos();
        for (DeviceLoop loop : loops) {
            try {
                loop.thread.join(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        runner.close();
        evaluations.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the registry go, so that its last reports still reach the scheduler. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
