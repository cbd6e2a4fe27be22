package dev.llmfleet.cli;

import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.api.orchestrator.TwinModels;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.util.List;

/** The twin as tables: one section per part, an absent part said so rather than left out. */
final class TwinPrinter {

    private TwinPrinter() {}

    static void print(Output out, FleetTwin twin) {
        out.line("Fleet at " + Formats.time(twin.observedAt()));
        if (!twin.unavailable().isEmpty()) {
            out.line("Could not read: " + String.join(", ", twin.unavailable()));
        }
        section(out, "Services");
        rowsOrNone(
                out,
                List.of("SERVICE", "INSTANCE", "HOST", "STATUS", "LAST HEARTBEAT"),
                twin.services().stream()
                        .map(s -> List.of(
                                s.name(),
                                s.instanceId(),
                                Formats.text(s.host()),
                                Formats.text(s.status()),
                                Formats.time(s.lastHeartbeat())))
                        .toList());
        section(out, "Hosts");
        rowsOrNone(
                out,
                List.of("HOST", "ROLES", "PRESENT", "EXPECTED", "SERVICES"),
                twin.hosts().stream()
                        .map(h -> List.of(
                                h.host(),
                                String.join(",", h.roles()),
                                yesNo(h.present()),
                                yesNo(h.expected()),
                                String.join(",", h.services())))
                        .toList());
        section(out, "GPUs");
        rowsOrNone(
                out,
                List.of("HOST", "GPU", "NAME", "FREE/TOTAL MB", "UTIL", "TEMP", "JOB"),
                twin.gpus().stream().map(TwinPrinter::gpu).toList());
        section(out, "Queue");
        if (twin.queue() == null) {
            out.line("  (unknown)");
        } else {
            QueueCommand.printCounts(out, twin.queue());
        }
        section(out, "Run");
        run(out, twin.run());
        section(out, "Models");
        models(out, twin.models());
        section(out, "Drift");
        rowsOrNone(
                out,
                List.of("KIND", "SUBJECT", "DESIRED", "ACTUAL", "SINCE", "ACTION"),
                twin.drift().stream()
                        .map(d -> List.of(
                                d.kind(),
                                d.subject(),
                                Formats.text(d.desired()),
                                Formats.text(d.actual()),
                                Formats.time(d.since()),
                                Formats.cell(d.action(), 60)))
                        .toList());
    }

    private static List<String> gpu(DeviceStatus d) {
        return List.of(
                d.host(),
                Integer.toString(d.index()),
                Formats.text(d.name()) + (d.stale() ? " (stale)" : ""),
                d.memoryFreeMb() + "/" + d.memoryTotalMb(),
                d.utilizationPercent() == null ? Formats.NONE : d.utilizationPercent() + "%",
                d.temperatureC() == null ? Formats.NONE : d.temperatureC() + "C",
                Formats.text(d.jobId()));
    }

    private static void run(Output out, TrainerStatus run) {
        if (run == null) {
            out.line("  (unknown)");
            return;
        }
        out.line("  %s  %s".formatted(run.state(), Formats.text(run.datasetName())));
        out.line("  " + new ProgressRenderer(30, false).line(run));
        if (run.lastEvent() != null) {
            out.line("  " + run.lastEvent());
        }
    }

    private static void models(Output out, TwinModels models) {
        if (models == null) {
            out.line("  (unknown)");
            return;
        }
        out.line("  desired %s, latest %s, newest candidate %s"
                .formatted(
                        Formats.text(models.desiredVersion()),
                        Formats.text(models.latestVersion()),
                        models.latestCandidate() == null
                                ? Formats.NONE
                                : models.latestCandidate().id() + " ("
                                        + models.latestCandidate().state() + ")"));
        rowsOrNone(
                out,
                List.of("INFERENCE HOST", "INSTANCE", "DESIRED", "DEPLOYED", "IN SYNC", "REACHABLE"),
                models.deployments().stream()
                        .map(d -> List.of(
                                d.host(),
                                Formats.text(d.instanceId()),
                                Formats.text(d.desiredVersion()),
                                Formats.text(d.actualVersion()),
                                yesNo(d.inSync()),
                                yesNo(d.reachable())))
                        .toList());
    }

    private static void section(Output out, String title) {
        out.line("");
        out.line(title);
    }

    private static void rowsOrNone(Output out, List<String> headers, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.line("  (none)");
        } else {
            out.table(headers, rows);
        }
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
