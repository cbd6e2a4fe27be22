package dev.llmfleet.observability.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.observability.RunView;
import dev.llmfleet.observability.HubTest;
import dev.llmfleet.observability.MutableClock;
import dev.llmfleet.observability.WebhookReceiver;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.AlertHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HubTest
class RunMonitorTest {

    static final MutableClock clock = HubTest.Setup.CLOCK;
    static final WebhookReceiver receiver = HubTest.Setup.RECEIVER;

    @Autowired
    RunMonitor monitor;

    @Autowired
    AlertEngine engine;

    @Autowired
    AlertHistory alerts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path runDir;

    @BeforeEach
    void cleanSlate() {
        jdbc.execute("TRUNCATE monitored_run, run_point, alert, alert_group, alert_notification, alert_event");
        receiver.clear();
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void aRunWithoutProgressForTheThresholdStallsAndAlerts() {
        monitor.report(progress("run-1", RunState.RUNNING, 10, 2.0));
        clock.advance(Duration.ofMinutes(20));
        monitor.report(progress("run-1", RunState.RUNNING, 10, 2.0)); // a report, but no new step
        clock.advance(Duration.ofMinutes(9));
        monitor.check();
        assertThat(monitor.run("run-1").stalled()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        monitor.check();
        engine.evaluate();

        assertThat(monitor.run("run-1").stalled()).isTrue();
        assertThat(meters.get("fleet.observability.run.stalled").gauge().value())
                .isEqualTo(1.0);
        assertThat(receiver.bodies("/webhook")).singleElement().asString().contains("run-stalled", "\"firing\"");

        monitor.report(progress("run-1", RunState.RUNNING, 11, 1.9));
        monitor.check();
        engine.evaluate();
        assertThat(monitor.run("run-1").stalled()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        engine.evaluate();
        assertThat(receiver.bodies("/webhook")).hasSize(2).last().asString().contains("\"resolved\"");
    }

    @Test
    void aPausedRunDoesNotStall() {
        monitor.report(progress("run-1", RunState.PAUSED, 10, 2.0));
        clock.advance(Duration.ofHours(2));
        monitor.check();

        assertThat(monitor.run("run-1").stalled()).isFalse();
    }

    @Test
    void aCompletedRunIsArchivedVerifiedReportedRecordedAndAlerted() throws IOException {
        Files.createDirectories(runDir.resolve("logs"));
        Files.writeString(runDir.resolve("logs/train.log"), "step 1 loss 3.0\nstep 2 loss 2.5\n");
        Files.createDirectories(runDir.resolve("snapshots"));
        Files.writeString(runDir.resolve("snapshots/step-2.json"), "{\"answers\":[\"4\"]}");
        Files.writeString(runDir.resolve("status.json"), "{\"state\":\"completed\"}");
        Files.createDirectories(runDir.resolve("checkpoints"));
        Files.write(runDir.resolve("checkpoints/weights.bin"), new byte[1024]);

        monitor.report(progress("run-9", RunState.RUNNING, 1, 3.0));
        clock.advance(Duration.ofMinutes(1));
        RunView done = monitor.report(
                new RunProgress("run-9", "arithmetic", RunState.COMPLETED, 2, 2, 2.5, 2.7, 900.0, runDir.toString()));

        assertThat(done.archive()).isNotNull();
        Path zip = Path.of(done.archive());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(file.entries()))
                    .extracting(ZipEntry::getName)
                    .containsExactlyInAnyOrder(
                            "status.json",
                            "metrics.jsonl",
                            "run/status.json",
                            "run/logs/train.log",
                            "run/snapshots/step-2.json");
            assertThat(new String(file.getInputStream(file.getEntry("metrics.jsonl"))
                                    .readAllBytes())
                            .lines())
                    .hasSize(2);
        }
        assertThat(RunArchiver.sha256(zip)).isEqualTo(done.archiveSha256());

        JsonNode report =
                JsonMapper.builder().build().readTree(Path.of(done.report()).toFile());
        assertThat(report.get("run").get("state").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("archive").get("sha256").asString()).isEqualTo(done.archiveSha256());
        assertThat(report.get("bestValidationLoss").asDouble()).isEqualTo(2.7);

        assertThat(jdbc.queryForObject("SELECT archive_sha256 FROM monitored_run WHERE run_id = 'run-9'", String.class))
                .isEqualTo(done.archiveSha256());
        assertThat(receiver.bodies("/webhook")).singleElement().asString().contains("run-finished");
    }

    @Test
    void aCorruptedArchiveFailsVerification() throws IOException {
        RunArchiver archiver =
                new RunArchiver(runDir.resolve("archive"), JsonMapper.builder().build());
        monitor.report(progress("run-3", RunState.RUNNING, 1, 3.0));
        RunView view = monitor.run("run-3");
        RunArchiver.Archived archived = archiver.archive(view, List.of(), null);
        byte[] bytes = Files.readAllBytes(archived.zip());
        bytes[40] ^= 0x5A; // inside the first entry's data
        Files.write(archived.zip(), bytes);

        assertThatThrownBy(() -> RunArchiver.verify(
                        archived.zip(), java.util.Map.of("status.json", (long) 0, "metrics.jsonl", 0L)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aFinishedRunTakesNoMoreReports() {
        monitor.report(progress("run-4", RunState.FAILED, 3, 2.0));

        assertThatThrownBy(() -> monitor.report(progress("run-4", RunState.RUNNING, 4, 2.0)))
                .isInstanceOf(RunFinishedException.class);
    }

    @Test
    void computesTheGapAndTheEtaFromThePace() {
        monitor.report(new RunProgress("run-5", "chat", RunState.RUNNING, 0, 100, 3.0, null, 500.0, null));
        clock.advance(Duration.ofSeconds(100));
        RunView view =
                monitor.report(new RunProgress("run-5", "chat", RunState.RUNNING, 10, 100, 2.0, 2.4, 500.0, null));

        assertThat(view.gap()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(view.etaSeconds()).isEqualTo(900);
        assertThat(monitor.points("run-5")).hasSize(2);
    }

    private static RunProgress progress(String run, RunState state, long step, double loss) {
        return new RunProgress(run, "arithmetic", state, step, 100, loss, null, 1000.0, null);
    }
}
