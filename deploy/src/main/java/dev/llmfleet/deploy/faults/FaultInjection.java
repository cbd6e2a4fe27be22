package dev.llmfleet.deploy.faults;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.deploy.AllInOneFleet;
import dev.llmfleet.inference.InferenceServiceApplication;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Kills the trainer with SIGKILL again and again while the fleet works, and checks after every
 * kill that the fleet kept its promises ({@link FleetInvariants}). The registry, scheduler,
 * orchestrator and inference run in this JVM; the trainer runs in a child JVM, restarted on the same
 * data folder after each kill. Lives take turns: killed at a random moment of training, or held at
 * a point and killed there (while a checkpoint is written, during an evaluation, during a
 * consolidation); a held life whose point does not come within the timeout is killed at a random
 * moment. At the end the trainer runs undisturbed until every dataset
 * is trained and the loop has a model deployed.
 *
 * @see dev.llmfleet.model.faults.HoldPoints
 */
public final class FaultInjection {

    /**
     * @param kills how many times the trainer is killed
     * @param maxSteps the steps of each dataset's run
     * @param heldTimeout how long a held life waits for its point before it is killed at a random moment
     * @param finish how long the undisturbed end may take to train everything and deploy
     */
    public record Settings(
            Path dataDir,
            int kills,
            long seed,
            int maxSteps,
            Duration heldTimeout,
            Duration finish,
            Consumer<String> log) {}

    /** The lives' kill points in turn (a held life waits for its point, then is killed there). */
    private static final List<KillPoint> TURNS = List.of(
            KillPoint.TRAINING,
            KillPoint.CHECKPOINT_WRITE,
            KillPoint.EVALUATION,
            KillPoint.TRAINING,
            KillPoint.CHECKPOINT_WRITE,
            KillPoint.CONSOLIDATION);

    private final Settings settings;
    private final AllInOneFleet fleet;
    private final List<String> trainerArgs;
    private final Random random;
    private final FleetInvariants invariants;
    private final Path markers;
    private final Map<KillPoint, Integer> killsByPoint = new EnumMap<>(KillPoint.class);
    private final DatasetFeeder datasets;
    private int restarts;

    private FaultInjection(Settings settings, AllInOneFleet fleet, List<String> trainerArgs) throws IOException {
        this.settings = settings;
        this.fleet = fleet;
        this.trainerArgs = trainerArgs;
        this.random = new Random(settings.seed());
        this.invariants = new FleetInvariants(
                settings.dataDir().resolve("trainer"),
                client(fleet.baseUrl("resource-scheduler"), SchedulerClient.class));
        this.markers = Files.createDirectories(settings.dataDir().resolve("fault-markers"));
        this.datasets = new DatasetFeeder(settings.dataDir().resolve("trainer/inbox"));
    }

    /** Starts the fleet in {@code settings.dataDir()}, runs the kills and the undisturbed end, stops the fleet. */
    public static FaultReport run(Settings settings) throws IOException {
        long started = System.nanoTime();
        List<String> args = CrashFleetArgs.of(settings.dataDir(), settings.maxSteps());
        List<String> inProcess = new ArrayList<>(args);
        inProcess.add("--server.port=0");
        try (AllInOneFleet fleet = AllInOneFleet.start(
                List.of(
                        CoreOrchestratorApplication.class,
                        ResourceSchedulerApplication.class,
                        InferenceServiceApplication.class),
                inProcess.toArray(String[]::new))) {
            Environment database = fleet.context("resource-scheduler").getEnvironment();
            args.addAll(List.of(
                    "--fleet.registry.url=" + fleet.baseUrl("core-orchestrator"),
                    "--spring.datasource.url=" + database.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + database.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + database.getProperty("spring.datasource.password", ""),
                    "--fleet.datasource.test-isolation=false"));
            return new FaultInjection(settings, fleet, args).drive(started);
        }
    }

    private FaultReport drive(long started) throws IOException {
        datasets.feed();
        datasets.feed();
        for (int life = 0; life < settings.kills(); life++) {
            KillPoint turn = TURNS.get(life % TURNS.size());
            TrainerProcess trainer = startTrainer(life, turn.holdPoints());
            if (life > 0) {
                invariants.checkAfterRestart(trainerClient(trainer), lifecycle(trainer));
            }
            if (datasets.unfinished(trainerClient(trainer)) < 2) {
                datasets.feed(); // always a run to kill, and one queued behind it
            }
            long lifeStarted = System.nanoTime();
            KillPoint point = turn == KillPoint.TRAINING ? atRandom(trainer) : held(trainer);
            rememberQuietly(trainer);
            trainer.kill();
            killsByPoint.merge(point, 1, Integer::sum);
            invariants.checkAtRest();
            settings.log()
                    .accept("[fault-injection] kill %d/%d at %s, %.1f s into the life; so far checks=%d violations=%d"
                            .formatted(
                                    life + 1,
                                    settings.kills(),
                                    point,
                                    (System.nanoTime() - lifeStarted) / 1e9,
                                    invariants.checks(),
                                    invariants.violations().size()));
        }
        TrainerProcess last = startTrainer(settings.kills(), List.of());
        invariants.checkAfterRestart(trainerClient(last), lifecycle(last));
        Outcome outcome = finish(last);
        invariants.checkAfterRestart(trainerClient(last), lifecycle(last));
        int versions = lifecycle(last).versions().size();
        last.stop();
        return new FaultReport(
                settings.kills(),
                restarts,
                invariants.checks() + 2,
                outcome.violations(invariants.violations()),
                killsByPoint,
                outcome.completed(),
                versions,
                outcome.deployed(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private TrainerProcess startTrainer(int life, List<String> holds) throws IOException {
        try (Stream<Path> old = Files.list(markers)) {
            for (Path marker : old.toList()) {
                Files.delete(marker);
            }
        }
        Path log = settings.dataDir().resolve("trainer-life-%03d.log".formatted(life));
        TrainerProcess trainer = TrainerProcess.start(trainerArgs, holds, markers, log);
        trainer.awaitReady(Duration.ofMinutes(2));
        if (life > 0) {
            restarts++;
        }
        return trainer;
    }

    /** Kills a little while into training (or into whatever the trainer does when it has no run). */
    private KillPoint atRandom(TrainerProcess trainer) {
        TrainerClient client = trainerClient(trainer);
        Poll.until(
                Duration.ofSeconds(20),
                Duration.ofMillis(100),
                () -> Optional.of(client.status()).filter(s -> s.state() == TrainerState.TRAINING));
        Poll.pause(Duration.ofMillis(300 + random.nextInt(2_500)));
        return KillPoint.TRAINING;
    }

    /** Waits for the trainer to hold at one of its points; at a random moment after the timeout. */
    private KillPoint held(TrainerProcess trainer) {
        return Poll.until(settings.heldTimeout(), Duration.ofMillis(50), () -> {
                    try (Stream<Path> found = Files.list(markers)) {
                        return found.map(p -> KillPoint.ofMarker(p.getFileName().toString()))
                                .flatMap(Optional::stream)
                                .findFirst();
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                })
                .orElseGet(() -> atRandom(trainer));
    }

    private record Outcome(int completed, boolean deployed, List<String> missing) {
        List<String> violations(List<String> found) {
            List<String> all = new ArrayList<>(found);
            all.addAll(missing);
            return all;
        }
    }

    /** The undisturbed end: every dataset trained and a model deployed, or what is missing. */
    private Outcome finish(TrainerProcess trainer) {
        TrainerClient client = trainerClient(trainer);
        OrchestratorClient orchestrator = client(fleet.baseUrl("core-orchestrator"), OrchestratorClient.class);
        Poll.until(
                settings.finish(),
                Duration.ofSeconds(1),
                () -> Optional.of(true).filter(x -> datasets.unfinished(client) == 0 && deployed(orchestrator)));
        int completed = (int) client.datasets().stream()
                .filter(d -> d.status() == DatasetStatus.COMPLETED)
                .count();
        boolean deployed = deployed(orchestrator);
        List<String> missing = new ArrayList<>();
        if (completed < datasets.fed()) {
            missing.add("only %d of %d datasets completed".formatted(completed, datasets.fed()));
        }
        if (!deployed) {
            missing.add("no model deployed at the end");
        }
        return new Outcome(completed, deployed, missing);
    }

    private static boolean deployed(OrchestratorClient orchestrator) {
        return orchestrator.deployments().stream().anyMatch(d -> "DEPLOYED".equals(d.state()));
    }

    private void rememberQuietly(TrainerProcess trainer) {
        try {
            invariants.remember(trainerClient(trainer), lifecycle(trainer));
        } catch (RuntimeException busy) {
            // what was remembered after the restart stands
        }
    }

    private static TrainerClient trainerClient(TrainerProcess trainer) {
        return client(trainer.baseUrl(), TrainerClient.class);
    }

    private static LifecycleClient lifecycle(TrainerProcess trainer) {
        return client(trainer.baseUrl(), LifecycleClient.class);
    }

    static <T> T client(String baseUrl, Class<T> type) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(RestClient.create(baseUrl)))
                .build()
                .createClient(type);
    }
}
