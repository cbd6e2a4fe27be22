package dev.llmfleet.security.trust;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TrustEventRepository extends JpaRepository<TrustEvent, Long> {

    List<TrustEvent> findByClientIdOrderByIdDesc(String clientId, Pageable page);
}
