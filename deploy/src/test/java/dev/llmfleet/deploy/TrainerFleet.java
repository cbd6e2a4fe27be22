package dev.llmfleet.deploy;

import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.json.JsonMapper;

/** Helpers for the trainer's end-to-end tests: fast settings, clients, the files it keeps. */
final class TrainerFleet {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainerFleet() {}

    /** A registry, scheduler and trainer that react in fractions of a second and train a tiny model. */
    static String[] args(Path dataDir, String... training) {
        List<String> args = new ArrayList<>(List.of(FleetTestArgs.fastRegistry(dataDir)));
        args.addAll(List.of(
                "--fleet.security.enabled=false", // not about security: issue 3 adapts the tests
                "--fleet.scheduler.leases.ttl=3s",
                "--fleet.scheduler.scheduling.tick=200ms",
                "--fleet.trainer.inbox.poll-interval=200ms",
                "--fleet.trainer.inbox.stable-for=500ms",
                "--fleet.trainer.control.poll-interval=100ms",
                "--fleet.trainer.worker.poll-wait=2s",
                "--fleet.trainer.worker.retry-delay=500ms",
                "--fleet.trainer.training.batch-size=8",
                "--fleet.trainer.training.warmup-steps=2",
                "--fleet.trainer.training.intra-op-threads=1",
                "--fleet.trainer.snapshots.prompts=4",
                "--fleet.trainer.snapshots.max-new-tokens=4"));
        for (String setting : training) {
            args.add("--fleet.trainer.training." + setting);
        }
        return args.toArray(String[]::new);
    }

    static <T> T client(String baseUrl, Class<T> type) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(RestClient.create(baseUrl)))
                .build()
                .createClient(type);
    }

    static TrainerClient trainer(AllInOneFleet fleet) {
        return client(fleet.baseUrl("trainer-service"), TrainerClient.class);
    }

    static SchedulerClient scheduler(AllInOneFleet fleet) {
        return client(fleet.baseUrl("resource-scheduler"), SchedulerClient.class);
    }

    /** Chats that a tiny model can learn a little of: "What is a+b?" answered with the sum. */
    static List<String> additionChats(int count, int offset) {
        return dev.llmfleet.deploy.faults.AdditionChats.lines(count, offset);
    }

    static TrainerStatus stateFile(Path dataDir) {
        try {
            return JSON.readValue(
                    Files.readAllBytes(dataDir.resolve("trainer/control/state.json")), TrainerStatus.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The steps a job's runs trained, in order, from its {@code progress.jsonl}. */
    static List<Long> trainedSteps(Path dataDir, java.util.UUID jobId) throws IOException {
        Path log = dataDir.resolve("trainer/runs/" + jobId + "/progress.jsonl");
        List<Long> steps = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            steps.add(JSON.readTree(line).get("step").asLong());
        }
        return steps;
    }

    static Path checkpoint(Path dataDir, java.util.UUID jobId, long step) {
        return dataDir.resolve("trainer/runs/%s/checkpoints/step-%08d".formatted(jobId, step));
    }
}
