package dev.llmfleet.orchestrator.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CandidateRepository extends JpaRepository<Candidate, UUID> {

    Optional<Candidate> findFirstByVersionOrderByUpdatedAtDesc(String version);

    List<Candidate> findByState(CandidateState state);

    Optional<Candidate> findFirstByAccuracyIsNotNullOrderByCreatedAtDesc();
}
