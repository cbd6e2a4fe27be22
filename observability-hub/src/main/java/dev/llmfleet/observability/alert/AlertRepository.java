package dev.llmfleet.observability.alert;

import dev.llmfleet.api.observability.AlertState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AlertRepository extends JpaRepository<Alert, String> {

    List<Alert> findByStateIn(Collection<AlertState> states);

    @Query("""
            select a from Alert a
            where a.state <> dev.llmfleet.api.observability.AlertState.RESOLVED or a.resolvedAt >= :since
            order by a.activeSince desc
            """)
    List<Alert> findActiveOrResolvedSince(Instant since);

    /** Alerts that may owe a notification; {@link Alert#needsNotice} decides. */
    @Query("""
            select a from Alert a
            where a.state = dev.llmfleet.api.observability.AlertState.FIRING
               or (a.state = dev.llmfleet.api.observability.AlertState.RESOLVED
                   and a.notifiedState = dev.llmfleet.api.observability.AlertState.FIRING)
            """)
    List<Alert> findNotificationCandidates();
}
