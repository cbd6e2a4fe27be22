package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.OBSERVABILITY;

import dev.llmfleet.api.observability.AlertState;
import dev.llmfleet.api.observability.AlertView;
import dev.llmfleet.api.observability.ObservabilityClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The observability-hub's alerts: active ones and those resolved in the last day. */
@Command(name = "alerts", description = "Alerts: firing and pending ones, and those resolved in the last day.")
final class AlertsCommand extends FleetCommand {

    @Option(names = "--active", description = "Only firing and pending alerts")
    boolean active;

    @Override
    public Integer call() {
        List<AlertView> alerts = client(OBSERVABILITY, ObservabilityClient.class).alerts().stream()
                .filter(a -> !active || a.state() != AlertState.RESOLVED)
                .toList();
        Output out = out();
        out.print(alerts, () -> {
            if (alerts.isEmpty()) {
                out.line(active ? "No active alerts" : "No alerts");
                return;
            }
            out.table(
                    List.of("STATE", "SEVERITY", "RULE", "SINCE", "LABELS", "SUMMARY"),
                    alerts.stream()
                            .map(a -> List.of(
                                    String.valueOf(a.state()),
                                    String.valueOf(a.severity()),
                                    a.rule(),
                                    Formats.time(a.activeSince()),
                                    labels(a.labels()),
                                    Formats.cell(a.summary(), 80)))
                            .toList());
        });
        return ExitCodes.OK;
    }

    private static String labels(Map<String, String> labels) {
        return labels == null || labels.isEmpty()
                ? Formats.NONE
                : labels.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","));
    }
}
