package dev.llmfleet.trainer.snapshot;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SnapshotRepository extends JpaRepository<EvolutionSnapshotEntity, Long> {

    List<EvolutionSnapshotEntity> findByDatasetOrderByStepAsc(String dataset);

    Optional<EvolutionSnapshotEntity> findByDatasetAndStep(String dataset, long step);

    boolean existsByDatasetAndStep(String dataset, long step);

    List<EvolutionSnapshotEntity> findAllByOrderByDatasetAscStepAsc();
}
