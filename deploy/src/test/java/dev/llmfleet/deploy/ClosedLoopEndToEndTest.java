package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.inference.InferenceClient;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.CurriculumEvaluation;
import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.orchestrator.SkillExample;
import dev.llmfleet.api.orchestrator.SkillState;
import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.security.client.ClientService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet improves its model by itself, on the all-in-one fleet on the CPU, security on: from an
 * empty fleet the curriculum generates single-digit addition, the trainer trains, the candidate is
 * evaluated through an evaluation job, ranked, consolidated into a version and deployed to the
 * inference service; the deployed model answers the level's validation questions through the
 * OpenAI API as well as the evaluation said it would; and the skill advances a level.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopEndToEndTest {

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;
    static String token;
    static OrchestratorClient orchestrator;
    static Instant started;

    @BeforeAll
    static void startFleet() {
        List<String> args = new ArrayList<>(List.of(FleetTestArgs.withClosedLoop(dataDir)));
        args.addAll(List.of(
                "--fleet.orchestrator.pipeline.interval=1s",
                "--fleet.orchestrator.pipeline.retry-backoff=1s",
                "--fleet.orchestrator.deployment.interval=1s",
                "--fleet.scheduler.leases.ttl=5s",
                "--fleet.scheduler.scheduling.tick=200ms",
                "--fleet.trainer.worker.poll-wait=2s",
                "--fleet.trainer.worker.retry-delay=500ms",
                "--fleet.trainer.snapshots.prompts=4",
                "--fleet.trainer.snapshots.max-new-tokens=4"));
        args.addAll(DemoMode.DEFAULTS); // the demo's own training and curriculum settings
        started = Instant.now();
        fleet = AllInOneFleet.start(args.toArray(String[]::new));
        ClientCredentials admin = fleet.context("security-gateway")
                .getBean(ClientService.class)
                .create(new CreateClientRequest("loop-admin-" + UUID.randomUUID(), Set.copyOf(FleetScopes.ALL)));
        token = GatewayTokens.token(
                RestClient.create(fleet.baseUrl("security-gateway")),
                admin.clientId(),
                admin.clientSecret(),
                String.join(" ", FleetScopes.ALL));
        orchestrator = client("core-orchestrator", OrchestratorClient.class);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void fromAnEmptyFleetTheCurriculumTrainsEvaluatesDeploysAndAdvances() {
        DeploymentView deployed = await().atMost(Duration.ofMinutes(8))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> orchestrator.deployments().stream()
                                .filter(d -> "DEPLOYED".equals(d.state()))
                                .findFirst()
                                .orElse(null),
                        d -> d != null);

        CandidateView candidate = orchestrator.candidates().stream()
                .filter(c -> deployed.version().equals(c.version()))
                .findFirst()
                .orElseThrow();
        assertThat(candidate.accuracyBySkillLevel()).containsKey("arithmetic/1");
        double evaluated = candidate.accuracyBySkillLevel().get("arithmetic/1");
        assertThat(evaluated).as("accuracy on the level-1 suite").isGreaterThanOrEqualTo(0.8);
        assertThat(orchestrator.decisions()).extracting(DecisionView::kind).contains("GENERATE", "PROMOTE", "DEPLOY");

        assertThat(client("inference-service", InferenceClient.class).info().version())
                .as("the version the inference host serves")
                .isEqualTo(deployed.version());

        assertThat(servedAccuracy(1))
                .as("the served model answers the level's questions as the evaluation said")
                .isCloseTo(evaluated, org.assertj.core.data.Offset.offset(0.05))
                .isGreaterThanOrEqualTo(0.8);

        SkillState arithmetic =
                await().atMost(Duration.ofSeconds(30)).until(ClosedLoopEndToEndTest::skill, s -> s.level() >= 2);
        assertThat(arithmetic.level()).isEqualTo(2);
    }

    @Test
    @Order(2)
    void continuingFromTheDeployedVersionTheCurriculumPassesLevelThree() throws IOException {
        await().atMost(Duration.ofMinutes(25))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> skill().level() >= 4);

        List<CurriculumEvaluation> history = rest("core-orchestrator")
                .get()
                .uri("/api/curriculum/skills/arithmetic/history")
                .retrieve()
                .body(new ParameterizedTypeReference<List<CurriculumEvaluation>>() {});
        for (CurriculumEvaluation evaluation : history) {
            if (evaluation.advancedTo() != null) {
                System.out.printf(
                        "[closed loop] level %d passed %d s after the fleet started (accuracy %.2f)%n",
                        evaluation.level(),
                        Duration.between(started, evaluation.evaluatedAt()).toSeconds(),
                        evaluation.accuracy());
            }
        }
        assertThat(history)
                .filteredOn(e -> Integer.valueOf(4).equals(e.advancedTo()))
                .singleElement()
                .satisfies(e -> assertThat(e.accuracy()).isGreaterThanOrEqualTo(0.8));

        // every version was trained from the version deployed before it: continuous training
        List<VersionView> versions =
                client("trainer-service", LifecycleClient.class).versions();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
        for (VersionView version : versions) {
            JsonNode run = runRecord(version.sourceCheckpoint());
            if (version.parent() == null) {
                assertThat(run.path("baseVersion").isNull())
                        .as("%s starts from scratch", version.name())
                        .isTrue();
            } else {
                assertThat(run.path("baseVersion").asString())
                        .as("the run %s was made from", version.name())
                        .isEqualTo(version.parent());
            }
        }

        // the model that passed level 3 is deployed and answers its questions through the API
        DeploymentView serving = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> orchestrator.deployments().stream()
                                .filter(d -> "DEPLOYED".equals(d.state()))
                                .filter(d -> levelThreeAccuracy(d.version()) >= 0.8)
                                .findFirst()
                                .orElse(null),
                        d -> d != null);
        double evaluated = levelThreeAccuracy(serving.version());
        assertThat(servedAccuracy(3))
                .as("the served model answers two-digit sums and differences as the evaluation said")
                .isCloseTo(evaluated, org.assertj.core.data.Offset.offset(0.05))
                .isGreaterThanOrEqualTo(0.8);
    }

    /** The share of the level's validation questions the served model answers exactly through the OpenAI API. */
    private static double servedAccuracy(int level) {
        List<SkillExample> suite = rest("core-orchestrator")
                .get()
                .uri("/api/curriculum/skills/arithmetic/levels/{level}/validation-suite", level)
                .retrieve()
                .body(new ParameterizedTypeReference<List<SkillExample>>() {});
        int right = 0;
        for (SkillExample question : suite) {
            right += question.answer().equals(chat(question.prompt())) ? 1 : 0;
        }
        return (double) right / suite.size();
    }

    private static SkillState skill() {
        return rest("core-orchestrator")
                .get()
                .uri("/api/curriculum/skills/arithmetic")
                .retrieve()
                .body(SkillState.class);
    }

    /** The level-3 accuracy of the candidate that became {@code version}; 0 when none did or it was not asked. */
    private static double levelThreeAccuracy(String version) {
        return orchestrator.candidates().stream()
                .filter(c -> version.equals(c.version()))
                .map(c -> c.accuracyBySkillLevel().getOrDefault("arithmetic/3", 0.0))
                .findFirst()
                .orElse(0.0);
    }

    /** The run.json of the run a version's source checkpoint ({@code .../runs/<job>/checkpoints/step-N}) belongs to. */
    private static JsonNode runRecord(String checkpoint) throws IOException {
        Path folder = dataDir.resolve("trainer").resolve(checkpoint); // the trainer names it absolute or relative
        Path run = folder.getParent().getParent();
        assertThat(run.getParent().getFileName())
                .as("the runs folder of %s", checkpoint)
                .hasToString("runs");
        return JsonMapper.builder().build().readTree(Files.readString(run.resolve("run.json")));
    }

    private static String chat(String question) {
        JsonNode answer = rest("inference-service")
                .post()
                .uri("/v1/chat/completions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "model",
                        "fleet",
                        "temperature",
                        0,
                        "max_tokens",
                        8,
                        "messages",
                        List.of(Map.of("role", "user", "content", question))))
                .retrieve()
                .body(JsonNode.class);
        return answer.path("choices")
                .path(0)
                .path("message")
                .path("content")
                .asString()
                .trim();
    }

    private static RestClient rest(String service) {
        return RestClient.builder()
                .baseUrl(fleet.baseUrl(service))
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    private static <T> T client(String service, Class<T> type) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest(service)))
                .build()
                .createClient(type);
    }
}
