package dev.llmfleet.orchestrator.deployment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<Deployment, UUID> {

    List<Deployment> findByStateIn(Collection<DeploymentState> states);

    List<Deployment> findByOrderByStartedAtDesc(Pageable page);

    Optional<Deployment> findFirstByStateOrderByFinishedAtDesc(DeploymentState state);

    List<Deployment> findByStateOrderByFinishedAtAsc(DeploymentState state);
}
