package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.RestoreResult;
import dev.llmfleet.api.lifecycle.VersionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The model versions on the training host. */
@Command(
        name = "versions",
        description = "Model versions on the training host: list, show, restore, delete, import, export.",
        subcommands = {
            VersionsCommand.ListVersions.class,
            VersionsCommand.Show.class,
            VersionsCommand.Restore.class,
            VersionsCommand.Delete.class,
            VersionTransferCommands.ImportVersion.class,
            VersionTransferCommands.ExportVersion.class
        })
final class VersionsCommand {

    static void printVersion(Output out, VersionView v) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Version", v.name() + flags(v));
        fields.put("Description", Formats.text(v.description()));
        fields.put("Parent", Formats.text(v.parent()));
        fields.put("Mode", Formats.text(v.trainingMode()));
        fields.put("Checkpoint", Formats.text(v.sourceCheckpoint()));
        fields.put("Datasets", v.datasets().isEmpty() ? Formats.NONE : String.join(", ", v.datasets()));
        fields.put("Metrics", numbers(v.metrics()));
        fields.put("Evaluation", numbers(v.evaluation()));
        fields.put("Manifest", Formats.text(v.manifestSha256()));
        fields.put("Size", Formats.bytes(v.sizeBytes()));
        fields.put("Created", Formats.time(v.createdAt()) + " by " + Formats.text(v.createdBy()));
        fields.put("Deleted", v.deletedAt() == null ? null : Formats.time(v.deletedAt()));
        out.fields(fields);
    }

    private static String flags(VersionView v) {
        List<String> flags = new ArrayList<>();
        if (v.current()) {
            flags.add("current");
        }
        if (v.latest()) {
            flags.add("latest");
        }
        if (v.deletedAt() != null) {
            flags.add("deleted");
        }
        return flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")";
    }

    private static String numbers(Map<String, Double> values) {
        return values.isEmpty()
                ? Formats.NONE
                : values.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + Formats.decimal(e.getValue(), 4))
                        .collect(Collectors.joining(", "));
    }

    @Command(name = "list", description = "Every version, newest last.")
    static final class ListVersions extends FleetCommand {
        @Override
        public Integer call() {
            List<VersionView> versions = client(TRAINER, LifecycleClient.class).versions();
            Output out = out();
            out.print(versions, () -> {
                if (versions.isEmpty()) {
                    out.line("No versions yet");
                    return;
                }
                out.table(
                        List.of("VERSION", "CURRENT", "MODE", "CREATED", "SIZE", "DESCRIPTION"),
                        versions.stream()
                                .map(v -> List.of(
                                        v.name() + (v.deletedAt() != null ? " (deleted)" : ""),
                                        v.current() ? "*" : "",
                                        Formats.text(v.trainingMode()),
                                        Formats.time(v.createdAt()),
                                        Formats.bytes(v.sizeBytes()),
                                        Formats.cell(v.description(), 60)))
                                .toList());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One version: lineage, datasets, metrics, manifest.")
    static final class Show extends FleetCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "v001, v002, ..., latest or current")
        String name;

        @Override
        public Integer call() {
            VersionView version = client(TRAINER, LifecycleClient.class).version(name);
            Output out = out();
            out.print(version, () -> printVersion(out, version));
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "restore",
            description =
                    "Make a version the current model, restoring its files from its last verified backup if gone.")
    static final class Restore extends FleetCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            RestoreResult result = client(TRAINER, LifecycleClient.class).restore(name);
            Output out = out();
            out.print(
                    result,
                    () -> out.line("%s is now the current model%s"
                            .formatted(
                                    result.version().name(),
                                    result.fromBackup() == null
                                            ? ""
                                            : " (files restored from backup " + result.fromBackup() + ")")));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete a version after a verified pre-deletion backup of it.")
    static final class Delete extends FleetCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            BackupView backup = fleet().restClient(TRAINER)
                    .delete()
                    .uri(uri -> uri.path("/api/trainer/versions/{version}")
                            .queryParam("by", who())
                            .build(name))
                    .retrieve()
                    .body(BackupView.class);
            Output out = out();
            out.print(
                    backup, () -> out.line("Deleted %s; its files are kept in backup %s".formatted(name, backup.id())));
            return ExitCodes.OK;
        }
    }
}
