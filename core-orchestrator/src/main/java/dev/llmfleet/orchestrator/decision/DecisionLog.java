package dev.llmfleet.orchestrator.decision;

import dev.llmfleet.api.orchestrator.DecisionView;
import java.time.Clock;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every decision the orchestrator takes, with its reasons: what was generated, evaluated, rejected,
 * promoted, deployed, rolled back or reconciled, and by whom. Also logged, so that the demo and an
 * operator reading the log see them as they happen.
 */
@Service
public class DecisionLog {

    private static final Log log = LogFactory.getLog(DecisionLog.class);

    private final DecisionRepository decisions;
    private final Clock clock;

    DecisionLog(DecisionRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Transactional
    public DecisionView record(String kind, String subject, String outcome, List<String> reasons, String actor) {
        DecisionView saved = decisions
                .save(new Decision(kind, subject, outcome, reasons, actor, clock.instant()))
                .toApi();
        log.info("Decision " + kind + " on " + subject + ": " + outcome + " " + reasons + " (" + actor + ")");
        return saved;
    }

    /** The newest decisions first; {@code kind} null for every kind. */
    @Transactional(readOnly = true)
    public List<DecisionView> recent(String kind, int limit) {
        PageRequest page = PageRequest.of(0, Math.max(1, Math.min(limit, 1000)));
        List<Decision> found =
                kind == null ? decisions.findByOrderByIdDesc(page) : decisions.findByKindOrderByIdDesc(kind, page);
        return found.stream().map(Decision::toApi).toList();
    }

    @Transactional(readOnly = true)
    public List<DecisionView> about(String subject) {
        return decisions.findBySubjectOrderByIdAsc(subject).stream()
                .map(Decision::toApi)
                .toList();
    }
}
