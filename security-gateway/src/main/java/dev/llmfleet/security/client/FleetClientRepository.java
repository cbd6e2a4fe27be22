package dev.llmfleet.security.client;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FleetClientRepository extends JpaRepository<FleetClient, String> {

    List<FleetClient> findAllByOrderByClientId();
}
