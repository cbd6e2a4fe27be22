package dev.llmfleet.observability.alert;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface OutboxRepository extends JpaRepository<OutboxNotification, Long> {

    List<OutboxNotification> findByStatusOrderByIdAsc(OutboxNotification.Status status, Limit limit);

    List<OutboxNotification> findAllByOrderByIdDesc(Limit limit);
}
