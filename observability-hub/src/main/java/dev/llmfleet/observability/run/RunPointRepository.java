package dev.llmfleet.observability.run;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RunPointRepository extends JpaRepository<RunPointRow, RunPointRow.Key> {

    List<RunPointRow> findByKeyRunIdOrderByKeyStepAsc(String runId);
}
