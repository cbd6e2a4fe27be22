package dev.llmfleet.orchestrator.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PipelineRunRepository extends JpaRepository<PipelineRun, UUID> {

    List<PipelineRun> findByStepInOrderByCreatedAtAsc(Collection<PipelineStep> steps);

    List<PipelineRun> findByOrderByCreatedAtDesc(Pageable page);

    Optional<PipelineRun> findByJobId(UUID jobId);

    @Query("select r.jobId from PipelineRun r where r.jobId in :jobIds")
    List<UUID> findKnownJobIds(Collection<UUID> jobIds);

    Optional<PipelineRun> findFirstByDatasetAndJobIdIsNullOrderByCreatedAtAsc(String dataset);

    boolean existsByDataset(String dataset);

    long countByStep(PipelineStep step);

    boolean existsByStepIn(Collection<PipelineStep> steps);

    long countByStepAndJobIdIsNull(PipelineStep step);

    long countBySkillAndGeneratedTrue(String skill);

    boolean existsBySkillAndGeneratedTrueAndStepIn(String skill, Collection<PipelineStep> steps);
}
