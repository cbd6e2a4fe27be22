package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.ERROR_BUS;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The error-bus's stored events, oldest of the newest first; {@code --follow} then asks for newer
 * ones every interval (from the newest seen, skipping those already printed) until Ctrl-C.
 */
@Command(
        name = "errors",
        description = "Errors and events of the fleet's services, newest last; --follow keeps printing new ones.")
final class ErrorsCommand extends FleetCommand {

    private static final int PAGE = 100;
    private static final int MAX_PAGES_PER_POLL = 10;

    @Option(names = "--service", description = "Only events of this service, e.g. trainer-service")
    String service;

    @Option(names = "--severity", description = "Only events of this severity: info, warning, error, critical")
    Severity severity;

    @Option(names = "--code", description = "Only events with this code, e.g. job-failed")
    String code;

    @Option(names = "--limit", defaultValue = "20", description = "How many of the newest events (default 20)")
    int limit;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new events until Ctrl-C")
    boolean follow;

    @Option(
            names = "--interval",
            defaultValue = "1s",
            converter = Interval.class,
            description = "How often --follow asks (default 1s)")
    Duration interval;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1000) {
            throw usage("--limit must be between 1 and 1000");
        }
        ErrorBusClient bus = client(ERROR_BUS, ErrorBusClient.class);
        EventPage page = bus.events(service, severity, code, null, null, null, 0, limit);
        List<FleetEvent> events = page.events().reversed();
        Output out = out();
        if (!follow) {
            out.print(page, () -> {
                if (events.isEmpty()) {
                    out.line("No events");
                    return;
                }
                out.table(
                        List.of("TIME", "SEVERITY", "SERVICE", "CODE", "MESSAGE"),
                        events.stream().map(ErrorsCommand::row).toList());
                out.line("%d of %d event(s)".formatted(events.size(), page.totalElements()));
            });
            return ExitCodes.OK;
        }
        return follow(bus, out, events);
    }

    private int follow(ErrorBusClient bus, Output out, List<FleetEvent> first) {
        Instant since = null;
        Set<String> seenAtSince = new HashSet<>();
        List<FleetEvent> batch = first;
        try {
            while (true) {
                for (FleetEvent event : batch) {
                    print(out, event);
                    if (since == null || event.occurredAt().isAfter(since)) {
                        since = event.occurredAt();
                        seenAtSince.clear();
                    }
                    seenAtSince.add(event.id());
                }
                Thread.sleep(interval);
                batch = newer(bus, since, seenAtSince);
            }
        } catch (InterruptedException e) {
            return ExitCodes.INTERRUPTED;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return ExitCodes.INTERRUPTED;
            }
            throw e;
        }
    }

    /** Events from {@code since} on that were not printed yet, oldest first, over as many pages as they fill. */
    private List<FleetEvent> newer(ErrorBusClient bus, Instant since, Set<String> seenAtSince) {
        List<FleetEvent> fresh = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
            EventPage events = bus.events(service, severity, code, null, since, null, page, PAGE);
            events.events().stream().filter(e -> !seenAtSince.contains(e.id())).forEach(fresh::add);
            if (events.events().size() < PAGE) {
                break;
            }
        }
        return fresh.reversed();
    }

    private void print(Output out, FleetEvent event) {
        if (out.json()) {
            out.jsonLine(event);
        } else {
            out.line("%s  %-8s  %s  %s  %s"
                    .formatted(
                            Formats.time(event.occurredAt()),
                            event.severity(),
                            event.service(),
                            event.code(),
                            Formats.cell(event.message(), 160)));
        }
    }

    private static List<String> row(FleetEvent e) {
        return List.of(
                Formats.time(e.occurredAt()),
                e.severity().toString(),
                e.service(),
                e.code(),
                Formats.cell(e.message(), 160));
    }
}
