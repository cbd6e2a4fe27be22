package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.ORCHESTRATOR;
import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Turns a checkpoint into the next version. The trainer needs the checkpoint folder (it refuses a
 * request without one); without {@code --checkpoint} the best-ranked evaluated candidate the
 * orchestrator holds is taken, with its dataset, metrics and evaluation.
 */
@Command(
        name = "consolidate",
        description = "Make the next model version from a checkpoint (backup, build, verify, publish).")
final class ConsolidateCommand extends FleetCommand {

    private static final int UNPROCESSABLE = 422;

    @Option(names = "--description", required = true, description = "What the version is, for people")
    String description;

    @Option(
            names = "--training-data",
            paramLabel = "SHA",
            arity = "1..*",
            description = "SHA-256 of the datasets it was trained on (default: the candidate's dataset)")
    List<String> datasets;

    @Option(
            names = "--checkpoint",
            paramLabel = "PATH",
            description = "The checkpoint folder on the training host (default: the best-ranked evaluated candidate's)")
    String checkpoint;

    @Override
    public Integer call() {
        ConsolidateRequest request = checkpoint != null
                ? new ConsolidateRequest(checkpoint, description, datasets, null, null, who())
                : fromCandidate(bestCandidate());
        ConsolidationResult result;
        try {
            result = fleet().restClient(TRAINER)
                    .post()
                    .uri("/api/trainer/versions/consolidate")
                    .body(request)
                    .retrieve()
                    .body(ConsolidationResult.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != UNPROCESSABLE) {
                throw e;
            }
            result = e.getResponseBodyAs(ConsolidationResult.class);
            if (result == null || result.failedStep() == null) {
                throw e;
            }
        }
        print(result);
        return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void print(ConsolidationResult result) {
        Output out = out();
        out.print(result, () -> {
            if (result.succeeded()) {
                out.line("Created %s from %s%s"
                        .formatted(
                                result.version().name(),
                                result.version().sourceCheckpoint(),
                                result.backup() == null
                                        ? ""
                                        : " (previous model backed up as " + result.backup() + ")"));
                VersionsCommand.printVersion(out, result.version());
            } else {
                out.line("Consolidation failed at %s: %s (nothing that existed before was changed)"
                        .formatted(result.failedStep(), Formats.text(result.message())));
            }
        });
        if (!result.succeeded()) {
            err().println("fleetctl: consolidation failed at " + result.failedStep());
            err().flush();
        }
    }

    private CandidateView bestCandidate() {
        List<CandidateView> candidates;
        try {
            candidates = client(ORCHESTRATOR, OrchestratorClient.class).candidates();
        } catch (HttpClientErrorException.NotFound noCandidateApi) {
            candidates = List.of();
        }
        Optional<CandidateView> best = candidates.stream()
                .filter(c -> "EVALUATED".equals(c.state()) && !c.regression() && c.version() == null)
                .filter(c -> c.rank() != null && c.checkpoint() != null)
                .min(Comparator.comparing(CandidateView::rank));
        return best.orElseThrow(() -> usage("No --checkpoint given and the orchestrator has no evaluated candidate"
                + " to take one from: pass --checkpoint PATH (a checkpoint folder on the training host)"));
    }

    private ConsolidateRequest fromCandidate(CandidateView candidate) {
        Map<String, Double> metrics = new HashMap<>();
        metrics.put("step", (double) candidate.step());
        putIfKnown(metrics, "trainLoss", candidate.trainLoss());
        Map<String, Double> evaluation = new HashMap<>();
        putIfKnown(evaluation, "accuracy", candidate.accuracy());
        putIfKnown(evaluation, "validationLoss", candidate.validationLoss());
        putIfKnown(evaluation, "score", candidate.score());
        List<String> trainedOn =
                datasets != null || candidate.dataset() == null ? datasets : List.of(candidate.dataset());
        return new ConsolidateRequest(candidate.checkpoint(), description, trainedOn, metrics, evaluation, who());
    }

    private static void putIfKnown(Map<String, Double> values, String key, Double value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
