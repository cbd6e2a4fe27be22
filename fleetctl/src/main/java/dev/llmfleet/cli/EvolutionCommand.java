package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.EvolutionSummary;
import dev.llmfleet.api.trainer.ExampleEvolution;
import dev.llmfleet.api.trainer.TrainerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** How the model's answers to a dataset's fixed prompts changed while it trained. */
@Command(
        name = "evolution",
        description = "A dataset's evolution snapshots: accuracy per step and when each prompt became right,"
                + " or one snapshot's answers with --step.")
final class EvolutionCommand extends FleetCommand {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Parameters(
            index = "0",
            paramLabel = "DATASET",
            description = "The dataset's SHA-256 (as queue add prints it), a unique prefix of it, or its file name")
    String dataset;

    @Option(names = "--step", paramLabel = "N", description = "Show the answers of the snapshot taken at step N")
    Long step;

    @Override
    public Integer call() {
        TrainerClient trainer = client(TRAINER, TrainerClient.class);
        String sha = resolve(trainer, dataset);
        Output out = out();
        if (step != null) {
            EvolutionSnapshot snapshot = trainer.snapshot(sha, step);
            out.print(snapshot, () -> printSnapshot(out, snapshot));
        } else {
            EvolutionSummary summary = trainer.summary(sha);
            out.print(summary, () -> printSummary(out, summary));
        }
        return ExitCodes.OK;
    }

    /** A full digest as it is; otherwise the one dataset whose digest starts with it or whose name it is. */
    private static String resolve(TrainerClient trainer, String given) {
        if (SHA256.matcher(given).matches()) {
            return given;
        }
        List<DatasetView> matches = trainer.datasets().stream()
                .filter(d -> d.sha256().startsWith(given) || given.equals(d.name()))
                .toList();
        return matches.size() == 1 ? matches.getFirst().sha256() : given;
    }

    private static void printSummary(Output out, EvolutionSummary summary) {
        out.line("Dataset %s: %d snapshot(s) of %d prompts"
                .formatted(summary.dataset(), summary.steps().size(), summary.total()));
        List<List<String>> steps = new ArrayList<>();
        for (int i = 0; i < summary.steps().size(); i++) {
            steps.add(List.of(
                    summary.steps().get(i).toString(), summary.correctByStep().get(i) + "/" + summary.total()));
        }
        out.table(List.of("STEP", "CORRECT"), steps);
        out.line("");
        out.table(
                List.of("#", "PROMPT", "EXPECTED", "BY STEP", "FIRST RIGHT", "RIGHT SINCE"),
                summary.examples().stream()
                        .map(e -> List.of(
                                Integer.toString(e.index()),
                                Formats.cell(e.prompt(), 40),
                                Formats.cell(e.expected(), 20),
                                history(e),
                                Formats.text(e.firstCorrectStep()),
                                Formats.text(e.rightSinceStep())))
                        .toList());
        out.line("(BY STEP: + right, - wrong, one mark per snapshot)");
    }

    private static String history(ExampleEvolution example) {
        StringBuilder marks = new StringBuilder();
        example.correctBySnapshot().forEach(right -> marks.append(Boolean.TRUE.equals(right) ? '+' : '-'));
        return marks.toString();
    }

    private static void printSnapshot(Output out, EvolutionSnapshot s) {
        out.line("Dataset %s at step %d: %d/%d right, loss %s, validation loss %s, taken %s"
                .formatted(
                        s.dataset(),
                        s.step(),
                        s.correct(),
                        s.total(),
                        Formats.decimal(s.trainingLoss(), 4),
                        Formats.decimal(s.validationLoss(), 4),
                        Formats.time(s.takenAt())));
        out.table(
                List.of("#", "PROMPT", "EXPECTED", "ANSWER", "RIGHT", "LOSS"),
                s.answers().stream()
                        .map(a -> List.of(
                                Integer.toString(a.index()),
                                Formats.cell(a.prompt(), 40),
                                Formats.cell(a.expected(), 20),
                                Formats.cell(a.answer(), 30),
                                a.correct() ? "yes" : "no",
                                Formats.decimal(a.loss(), 4)))
                        .toList());
    }
}
