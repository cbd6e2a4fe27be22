package dev.llmfleet.deploy;

import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.DeployRequest;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.security.CreateApiKeyRequest;
import dev.llmfleet.api.security.CreatedApiKey;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.api.security.SecurityAdminClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.JsonNode;

/**
 * The first-run demo ({@code --demo}): the fleet teaches itself single-digit addition on the CPU
 * and says so as it goes. The orchestrator's loop does the work (the curriculum generates data, the
 * trainer trains, the candidate is evaluated, ranked, consolidated and deployed); this class only
 * chooses settings that make a laptop get there in minutes and prints what happens, read through
 * the fleet's own REST API with the admin credentials the gateway wrote on first start. Once a
 * model is deployed it creates an API key for the inference API and shows how to ask the model.
 */
final class DemoMode implements Runnable {

    /** The switch on the command line. */
    static final String SWITCH = "--demo";

    /** Settings the demo uses unless the command line gives its own. */
    static final List<String> DEFAULTS = List.of(
            "--fleet.trainer.training.max-steps=3000",
            "--fleet.trainer.training.batch-size=32",
            "--fleet.trainer.training.eval-steps=500",
            "--fleet.trainer.training.save-steps=250",
            "--fleet.orchestrator.curriculum.passes-to-advance=1",
            "--fleet.orchestrator.curriculum.batch-size=8000",
            "--fleet.orchestrator.curriculum.active-skills=arithmetic");

    private final AllInOneFleet fleet;
    private final Path dataDir;
    private final PrintStream out;
    private final Duration interval;
    private volatile boolean running = true;
    private long lastDecision = -1;
    private long lastStepShown = -1;
    private String lastRunShown;
    private String deployedShown;

    private final Path base;
    private boolean baseDeployed;

    DemoMode(AllInOneFleet fleet, Path dataDir, PrintStream out, Duration interval) {
        this(fleet, dataDir, out, interval, null);
    }

    /** {@code base}: a Hugging Face folder imported and deployed first, which the loop then trains on; null for the tiny model. */
    DemoMode(AllInOneFleet fleet, Path dataDir, PrintStream out, Duration interval, Path base) {
        this.base = base;
        this.fleet = fleet;
        this.dataDir = dataDir;
        this.out = out;
        this.interval = interval;
    }

    /** The option naming a Hugging Face folder the demo's loop starts from instead of the tiny model. */
    static final String BASE = "--base";

    /**
     * Settings the demo uses from a Hugging Face base unless the command line gives its own: LoRA
     * runs, small batches and fewer steps, so that a real model moves on a CPU.
     */
    private static final List<String> BASE_DEFAULTS = List.of(
            "--fleet.trainer.training.method=lora",
            "--fleet.trainer.training.batch-size=4",
            "--fleet.trainer.training.max-steps=100",
            "--fleet.trainer.training.learning-rate=0.0005",
            "--fleet.trainer.training.eval-steps=50",
            "--fleet.trainer.training.save-steps=25");

    static boolean requested(String[] args) {
        return List.of(args).contains(SWITCH);
    }

    /** The Hugging Face folder of {@code --base DIR} (or {@code --base=DIR}), if given. */
    static java.util.Optional<Path> base(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(BASE) && i + 1 < args.length) {
                return java.util.Optional.of(
                        Path.of(args[i + 1]).toAbsolutePath().normalize());
            }
            if (args[i].startsWith(BASE + "=")) {
                return java.util.Optional.of(Path.of(args[i].substring(BASE.length() + 1))
                        .toAbsolutePath()
                        .normalize());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The arguments for the services: the switch and {@code --base DIR} removed, the demo's settings
     * added where not given; with a base, its folder's parent becomes an import folder.
     */
    static String[] arguments(String[] args) {
        List<String> result = new ArrayList<>();
        java.util.Optional<Path> base = base(args);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(BASE)) {
                i++;
            } else if (!args[i].equals(SWITCH) && !args[i].startsWith(BASE + "=")) {
                result.add(args[i]);
            }
        }
        List<String> defaults = new ArrayList<>();
        if (base.isPresent()) {
            defaults.addAll(BASE_DEFAULTS);
            defaults.add("--fleet.trainer.lifecycle.import-roots=" + base.get().getParent());
        }
        defaults.addAll(DEFAULTS);
        for (String setting : defaults) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (result.stream().noneMatch(a -> a.startsWith(name))) {
                result.add(setting);
            }
        }
        return result.toArray(String[]::new);
    }

    /** Where the services keep their files, as the arguments say (the services' own default otherwise). */
    static Path dataDir(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--fleet.data-dir=")) {
                return Path.of(arg.substring("--fleet.data-dir=".length()));
            }
        }
        String fromEnvironment = System.getenv("FLEET_DATADIR");
        return Path.of(fromEnvironment != null ? fromEnvironment : "./fleet-data");
    }

    void start() {
        Thread thread = new Thread(this, "fleet-demo");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        if (base == null) {
            say("the fleet now teaches itself single-digit addition: the curriculum writes the data, the trainer");
            say(
                    "trains a tiny model on this machine's CPU, the orchestrator evaluates it and deploys it when it is good.");
        } else {
            say("the fleet imports " + base + ", deploys it, and teaches it arithmetic: each dataset continues");
            say("from the model deployed before it (LoRA runs, merged into a version when the evaluation is good).");
        }
        while (running) {
            try {
                String token = token();
                if (base != null && !baseDeployed) {
                    baseDeployed = deployBase(token);
                }
                report(token);
            } catch (RuntimeException e) {
                // the fleet is still starting or busy: the next round will tell
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void report(String token) {
        OrchestratorClient orchestrator = client("core-orchestrator", token, OrchestratorClient.class);
        TrainerClient trainer = client("trainer-service", token, TrainerClient.class);
        showTraining(trainer.status());
        List<DecisionView> decisions = new ArrayList<>(orchestrator.decisions());
        decisions.sort(Comparator.comparingLong(DecisionView::id));
        if (lastDecision < 0) {
            // a restarted fleet: what happened before is in the decision log, only the new is told
            lastDecision = decisions.isEmpty() ? 0 : decisions.getLast().id();
            if (!decisions.isEmpty()) {
                say("carrying on from where the fleet stopped; the last decision was: "
                        + describe(decisions.getLast()));
            }
        }
        for (DecisionView decision : decisions) {
            if (decision.id() > lastDecision) {
                lastDecision = decision.id();
                say(describe(decision));
            }
        }
        orchestrator.deployments().stream()
                .filter(d -> "DEPLOYED".equals(d.state()))
                .findFirst()
                .ifPresent(deployed -> showHowToAsk(deployed, token));
    }

    /**
     * Imports the base folder as a version and deploys it, once: true when a version is deployed (by
     * this or an earlier start of the same fleet), so the curriculum's first run continues from it.
     */
    private boolean deployBase(String token) {
        OrchestratorClient orchestrator = client("core-orchestrator", token, OrchestratorClient.class);
        if (orchestrator.deployments().stream().anyMatch(d -> "DEPLOYED".equals(d.state()))) {
            return true;
        }
        RestClient trainer = RestClient.builder()
                .baseUrl(fleet.baseUrl("trainer-service"))
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
        JsonNode versions =
                trainer.get().uri("/api/trainer/versions").retrieve().body(JsonNode.class);
        String version;
        if (versions == null || versions.isEmpty()) {
            say("importing " + base + " (checked whole, copied with a manifest, loaded and asked to generate) ...");
            JsonNode imported = trainer.post()
                    .uri("/api/trainer/versions/import")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("path", base.toString(), "description", "demo base " + base.getFileName()))
                    .retrieve()
                    .body(JsonNode.class);
            version = imported.path("version").asString();
            say("imported " + base.getFileName() + " as " + version + ": "
                    + imported.path("family").asString() + ", "
                    + imported.path("parameters").asLong() + " parameters, "
                    + imported.path("dtype").asString());
        } else {
            version = versions.get(versions.size() - 1).path("name").asString();
        }
        orchestrator.deploy(new DeployRequest(version, "the demo's base model"));
        say("deploying " + version + "; the curriculum's runs continue from the deployed model");
        return true;
    }

    private void showTraining(TrainerStatus status) {
        if (status.state() != TrainerState.TRAINING || status.totalSteps() <= 0) {
            return;
        }
        String run = String.valueOf(status.jobId());
        boolean newRun = !run.equals(lastRunShown);
        boolean tenthFurther = status.step() - lastStepShown >= Math.max(1, status.totalSteps() / 5);
        if (newRun || tenthFurther) {
            lastRunShown = run;
            lastStepShown = status.step();
            say(String.format(
                    Locale.ROOT,
                    "training %s: step %d/%d, loss %s%s",
                    status.datasetName() == null ? status.dataset() : status.datasetName(),
                    status.step(),
                    status.totalSteps(),
                    status.loss() == null ? "-" : String.format(Locale.ROOT, "%.3f", status.loss()),
                    status.etaSeconds() == null ? "" : ", about " + status.etaSeconds() + " s left"));
        }
    }

    static String describe(DecisionView decision) {
        String reasons = decision.reasons().isEmpty() ? "" : " (" + String.join("; ", decision.reasons()) + ")";
        return decision.kind().toLowerCase(Locale.ROOT) + " " + decision.subject() + ": " + decision.outcome()
                + reasons;
    }

    private void showHowToAsk(DeploymentView deployed, String token) {
        if (deployed.version().equals(deployedShown)) {
            return;
        }
        boolean first = deployedShown == null;
        deployedShown = deployed.version();
        if (!first) {
            say("model " + deployed.version() + " is now the one answering.");
            return;
        }
        Path keyFile = dataDir.resolve("demo-api-key");
        try {
            if (!Files.exists(keyFile)) {
                SecurityAdminClient security = client("security-gateway", token, SecurityAdminClient.class);
                CreatedApiKey key =
                        security.createApiKey(new CreateApiKeyRequest("demo", null, Set.of("inference:use"), null));
                writeOwnerOnly(keyFile, key.key());
            }
        } catch (IOException | RuntimeException e) {
            say("could not write an API key to " + keyFile + ": " + e.getMessage());
        }
        String url = fleet.baseUrl("inference-service");
        say("model " + deployed.version() + " is deployed. Ask it (the API key is in " + keyFile + "):");
        out.println();
        out.println("  curl -s " + url + "/v1/chat/completions -H \"Authorization: Bearer $(cat " + keyFile + ")\" \\");
        out.println("       -H 'Content-Type: application/json' \\");
        out.println(
                "       -d '{\"model\":\"fleet\",\"temperature\":0,\"messages\":[{\"role\":\"user\",\"content\":\"What is 3+4?\"}]}'");
        out.println();
        out.println("  or: fleetctl/fleetctl login --url http://localhost:" + fleet.port("core-orchestrator")
                + " --api-key \"$(cat " + keyFile + ")\" && fleetctl/fleetctl chat \"What is 3+4?\"");
        out.println();
        say("the fleet keeps going: the skill moves up a level when the model passes, and better models replace it.");
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".demo-api-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the folder's own protection applies
        }
        Files.writeString(temp, content + "\n");
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private String token() {
        Properties credentials = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("admin-credentials"))) {
            credentials.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("no admin credentials yet", e);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", String.join(" ", FleetScopes.ALL));
        JsonNode answer = RestClient.create(fleet.baseUrl("security-gateway"))
                .post()
                .uri("/oauth2/token")
                .headers(h ->
                        h.setBasicAuth(credentials.getProperty("client_id"), credentials.getProperty("client_secret")))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        return answer.path("access_token").asString();
    }

    private <T> T client(String service, String token, Class<T> type) {
        RestClient rest = RestClient.builder()
                .baseUrl(fleet.baseUrl(service))
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build()
                .createClient(type);
    }

    private void say(String line) {
        out.println("[demo] " + line);
    }
}
