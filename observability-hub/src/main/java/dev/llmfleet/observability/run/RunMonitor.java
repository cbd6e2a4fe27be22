package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunPoint;
import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.observability.RunView;
import dev.llmfleet.observability.ObservabilityProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches training runs from their progress reports: notices a run that stalls (no new step for
 * the stall threshold, 30 minutes by default) and one that finishes; a finished run is archived (a
 * verified zip), gets a JSON report, is recorded in the database, and raises a {@code run-finished}
 * event that the alert rules turn into a notification. An archive that fails is tried again at the
 * next check.
 */
@Service
public class RunMonitor {

    private static final Log log = LogFactory.getLog(RunMonitor.class);
    private static final EnumSet<RunState> LIVE = EnumSet.of(RunState.RUNNING, RunState.PAUSED);

    private final MonitoredRunRepository runs;
    private final RunPointRepository points;
    private final RunSignals signals;
    private final RunArchiver archiver;
    private final TransactionTemplate transactions;
    private final Duration stallAfter;
    private final Clock clock;

    RunMonitor(
            MonitoredRunRepository runs,
            RunPointRepository points,
            RunSignals signals,
            RunArchiver archiver,
            TransactionTemplate transactions,
            ObservabilityProperties properties,
            Clock clock) {
        this.runs = runs;
        this.points = points;
        this.signals = signals;
        this.archiver = archiver;
        this.transactions = transactions;
        this.stallAfter = properties.runs().stallAfter();
        this.clock = clock;
    }

    /** Takes a trainer's report; a report that finishes the run archives it before it returns. */
    public RunView report(RunProgress progress) {
        Instant now = clock.instant();
        Reported reported = transactions.execute(status -> {
            MonitoredRun run = runs.findById(progress.runId()).orElse(null);
            boolean newStep;
            boolean finished;
            if (run == null) {
                run = new MonitoredRun(progress, now);
                newStep = true;
                finished = progress.state().finished();
            } else {
                long before = run.toView().step();
                finished = run.report(progress, now);
                newStep = progress.step() > before;
            }
            runs.save(run);
            if (newStep || !points.existsById(new RunPointRow.Key(progress.runId(), progress.step()))) {
                points.save(new RunPointRow(
                        progress.runId(),
                        progress.step(),
                        progress.trainLoss(),
                        progress.validationLoss(),
                        progress.tokensPerSecond(),
                        now));
            }
            return new Reported(run.toView(), newStep, finished);
        });
        signals.progressed(reported.view(), reported.newStep());
        if (reported.finished()) {
            return archive(progress.runId());
        }
        return reported.view();
    }

    /** Stalls the runs without progress, archives the finished runs whose archive is still owed. */
    @Scheduled(
            fixedDelayString = "${fleet.observability.runs.check-interval:30s}",
            initialDelayString = "${fleet.observability.runs.check-interval:30s}")
    public void check() {
        Instant now = clock.instant();
        List<RunView> stalledNow = transactions.execute(status -> runs.findByStateIn(LIVE).stream()
                .filter(run -> run.checkStall(now, stallAfter))
                .map(MonitoredRun::toView)
                .toList());
        stalledNow.forEach(run -> {
            log.warn("Run %s stalled: no progress since %s".formatted(run.runId(), run.lastProgressAt()));
            signals.stalled(run);
        });
        signals.stalledCount((int)
                runs.findByStateIn(LIVE).stream().filter(MonitoredRun::stalled).count());
        runs.findByStateIn(EnumSet.of(RunState.COMPLETED, RunState.FAILED, RunState.STOPPED)).stream()
                .filter(MonitoredRun::needsArchive)
                .forEach(run -> archive(run.runId()));
    }

    public List<RunView> runs() {
        return runs.findTop50ByOrderByLastReportAtDesc().stream()
                .map(MonitoredRun::toView)
                .toList();
    }

    public RunView run(String runId) {
        return runs.findById(runId).map(MonitoredRun::toView).orElseThrow(() -> RunNotFoundException.forId(runId));
    }

    /** The run being trained now (the live run reported last), if any. */
    public RunView current() {
        return runs.findFirstByStateInOrderByLastReportAtDesc(LIVE)
                .map(MonitoredRun::toView)
                .orElse(null);
    }

    public List<RunPoint> points(String runId) {
        run(runId);
        return points.findByKeyRunIdOrderByKeyStepAsc(runId).stream()
                .map(RunPointRow::toPoint)
                .toList();
    }

    private RunView archive(String runId) {
        MonitoredRun run = runs.findById(runId).orElseThrow(() -> RunNotFoundException.forId(runId));
        if (!run.needsArchive()) {
            return run.toView();
        }
        RunArchiver.Archived archived;
        try {
            Path dir = run.runDirectory() == null ? null : Path.of(run.runDirectory());
            archived = archiver.archive(run.toView(), points(runId), dir);
        } catch (IOException | RuntimeException e) {
            log.error("Archiving run %s failed; it is tried again at the next check: %s".formatted(runId, e));
            return run.toView();
        }
        RunView view = transactions.execute(status -> {
            MonitoredRun fresh = runs.findById(runId).orElseThrow(() -> RunNotFoundException.forId(runId));
            fresh.archived(
                    archived.zip().toString(),
                    archived.sha256(),
                    archived.report().toString(),
                    clock.instant());
            return runs.save(fresh).toView();
        });
        log.info("Run %s %s; archived to %s (%d entries, sha256 %s)"
                .formatted(
                        runId, view.state(), archived.zip(), archived.entries().size(), archived.sha256()));
        signals.finished(view);
        return view;
    }

    private record Reported(RunView view, boolean newStep, boolean finished) {}
}
