package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.control.TrainerControlService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The training host's worker: long-polls the scheduler for this host's leases and works them one
 * at a time on its own thread: a TRAINING job is trained ({@link LeaseRunner}), an EVALUATION job
 * evaluates a checkpoint for the core-orchestrator ({@link EvaluationRunner}), so an evaluation
 * never runs beside a training run on the same host. While paused it takes no work. On shutdown
 * the run in progress finishes its batch, checkpoints and goes back on the queue; an evaluation in
 * progress stops after its current question and goes back on the queue.
 */
@Component
@ConditionalOnProperty(name = "fleet.trainer.worker.enabled", havingValue = "true", matchIfMissing = true)
class TrainingWorker implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(TrainingWorker.class);

    private final SchedulerClient scheduler;
    private final LeaseRunner runner;
    private final EvaluationRunner evaluations;
    private final TrainerControlService control;
    private final TrainerProperties.Worker settings;
    private final String host;
    private volatile boolean running;
    private Thread thread;

    TrainingWorker(
            SchedulerClient scheduler,
            LeaseRunner runner,
            EvaluationRunner evaluations,
            TrainerControlService control,
            TrainerProperties properties,
            FleetStarterProperties fleet) {
        this.scheduler = scheduler;
        this.runner = runner;
        this.evaluations = evaluations;
        this.control = control;
        this.settings = properties.worker();
        this.host = fleet.instance().host();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "trainer-worker");
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                if (!control.awaitWork(1000)) {
                    continue;
                }
                List<Lease> leases =
                        scheduler.pollLeases(host, (int) settings.pollWait().toSeconds());
                for (Lease lease : leases) {
                    if (!running) {
                        break;
                    }
                    if (EvaluationRunner.handles(lease)) {
                        evaluations.run(lease);
                    } else {
                        runner.run(lease);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Cannot poll the scheduler for leases, retrying in " + settings.retryDelay() + ": " + e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(settings.retryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (!runner.training() && !evaluations.evaluating()) {
            thread.interrupt(); // only a long-poll to cut short; a run is never interrupted, it checkpoints
        }
        runner.shutdown();
        evaluations.shutdown();
        try {
            thread.join(settings.pollWait().plusSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
