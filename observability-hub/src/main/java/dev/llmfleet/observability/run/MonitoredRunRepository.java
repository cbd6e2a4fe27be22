package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoredRunRepository extends JpaRepository<MonitoredRun, String> {

    List<MonitoredRun> findByStateIn(Collection<RunState> states);

    List<MonitoredRun> findTop50ByOrderByLastReportAtDesc();

    Optional<MonitoredRun> findFirstByStateInOrderByLastReportAtDesc(Collection<RunState> states);
}
