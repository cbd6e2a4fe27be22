package dev.llmfleet.orchestrator.pipeline;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EvaluationRepository extends JpaRepository<Evaluation, UUID> {

    /** The evaluation, locked until the transaction ends: two reports for it are taken one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Evaluation e where e.id = :id")
    Optional<Evaluation> lockById(UUID id);

    List<Evaluation> findByCheckpointAndSuitesOrderByCreatedAtDesc(String checkpoint, String suites);

    /** The best (lowest) validation loss reported on these suites by any other checkpoint. */
    @Query("""
            select min(e.validationLoss) from Evaluation e
            where e.suites = :suites and e.state = dev.llmfleet.orchestrator.pipeline.EvaluationState.REPORTED
              and e.checkpoint <> :checkpoint
            """)
    Double bestValidationLoss(String suites, String checkpoint);
}
