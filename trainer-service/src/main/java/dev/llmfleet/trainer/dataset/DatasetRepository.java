package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.trainer.DatasetStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<Dataset, String> {

    List<Dataset> findAllByOrderByReceivedAtAsc();

    List<Dataset> findByStatusAndJobIdIsNullOrderByReceivedAtAsc(DatasetStatus status);

    Optional<Dataset> findByJobId(UUID jobId);
}
