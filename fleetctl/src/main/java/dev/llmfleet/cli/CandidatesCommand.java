package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.ORCHESTRATOR;

import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What the orchestrator evaluated and ranked. */
@Command(
        name = "candidates",
        description = "Evaluated checkpoints, best first: accuracy, validation loss, score, state.")
final class CandidatesCommand extends FleetCommand {

    @Override
    public Integer call() {
        List<CandidateView> candidates = client(ORCHESTRATOR, OrchestratorClient.class).candidates().stream()
                .sorted(Comparator.comparing(CandidateView::rank, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Output out = out();
        out.print(candidates, () -> {
            if (candidates.isEmpty()) {
                out.line("No candidates yet");
                return;
            }
            out.table(
                    List.of("RANK", "ID", "STATE", "VERSION", "STEP", "ACCURACY", "VAL LOSS", "SCORE", "REGRESSION"),
                    candidates.stream()
                            .map(c -> List.of(
                                    Formats.text(c.rank()),
                                    c.id().toString(),
                                    Formats.text(c.state()),
                                    Formats.text(c.version()),
                                    Long.toString(c.step()),
                                    Formats.percent(c.accuracy()),
                                    Formats.decimal(c.validationLoss(), 4),
                                    Formats.decimal(c.score(), 4),
                                    c.regression() ? "yes" : "no"))
                            .toList());
        });
        return ExitCodes.OK;
    }

    @Command(name = "decisions", description = "What the orchestrator (or an operator through it) decided, and why.")
    static final class Decisions extends FleetCommand {
        @Option(names = "--limit", defaultValue = "20", description = "The newest N decisions (default 20)")
        int limit;

        @Option(names = "--kind", description = "Only this kind: PROMOTE, DEPLOY, ROLLBACK, REJECT, ...")
        String kind;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw usage("--limit must be at least 1");
            }
            // the orchestrator filters and limits; its interface in fleet-api predates those parameters
            DecisionView[] newest = fleet().restClient(ORCHESTRATOR)
                    .get()
                    .uri(uri -> uri.path("/api/orchestrator/decisions")
                            .queryParamIfPresent("kind", Optional.ofNullable(kind))
                            .queryParam("limit", limit)
                            .build())
                    .retrieve()
                    .body(DecisionView[].class);
            List<DecisionView> decisions = Arrays.stream(newest == null ? new DecisionView[0] : newest)
                    .sorted(Comparator.comparing(DecisionView::at, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            Output out = out();
            out.print(decisions, () -> {
                if (decisions.isEmpty()) {
                    out.line("No decisions yet");
                    return;
                }
                out.table(
                        List.of("AT", "KIND", "SUBJECT", "OUTCOME", "ACTOR", "REASONS"),
                        decisions.stream()
                                .map(d -> List.of(
                                        Formats.time(d.at()),
                                        Formats.text(d.kind()),
                                        Formats.cell(d.subject(), 40),
                                        Formats.cell(d.outcome(), 40),
                                        Formats.text(d.actor()),
                                        Formats.cell(String.join("; ", d.reasons()), 80)))
                                .toList());
            });
            return ExitCodes.OK;
        }
    }
}
