package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.orchestrator.CandidateView;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import dev.llmfleet.orchestrator.twin.CandidateSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The candidates ranked by their composite score under the configured weights (rank 1 is the
 * best); candidates still being evaluated follow, unranked, newest first. Scores are computed from
 * the stored measurements when asked, so a change of weights re-ranks every candidate.
 */
@Service
public class CandidateRanking implements CandidateSource {

    private final CandidateRepository candidates;
    private final Scoring scoring;

    CandidateRanking(CandidateRepository candidates, OrchestratorProperties properties) {
        this.candidates = candidates;
        this.scoring = Scoring.of(properties.pipeline());
    }

    @Transactional(readOnly = true)
    public List<CandidateView> ranked() {
        List<Candidate> all = candidates.findAll();
        List<Candidate> scored = all.stream()
                .filter(Candidate::isEvaluated)
                .sorted(Comparator.comparingDouble((Candidate c) -> c.score(scoring))
                        .reversed()
                        .thenComparing(Candidate::createdAt))
                .toList();
        List<CandidateView> views = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            views.add(scored.get(i).toApi(scored.get(i).score(scoring), i + 1));
        }
        all.stream()
                .filter(c -> !c.isEvaluated())
                .sorted(Comparator.comparing(Candidate::createdAt).reversed())
                .forEach(c -> views.add(c.toApi(null, null)));
        return views;
    }

    @Transactional(readOnly = true)
    public CandidateView candidate(UUID id) {
        if (!candidates.existsById(id)) {
            throw CandidateNotFoundException.forId(id);
        }
        return ranked().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow(() -> CandidateNotFoundException.forId(id));
    }

    /** The newest candidate with an evaluation report, ranked. */
    @Override
    @Transactional(readOnly = true)
    public Optional<CandidateView> latest() {
        return candidates.findFirstByAccuracyIsNotNullOrderByCreatedAtDesc().map(newest -> candidate(newest.id()));
    }

    @Transactional(readOnly = true)
    public OptionalDouble bestScore() {
        return candidates.findAll().stream()
                .filter(Candidate::isEvaluated)
                .mapToDouble(c -> c.score(scoring))
                .max();
    }

    Scoring scoring() {
        return scoring;
    }
}
