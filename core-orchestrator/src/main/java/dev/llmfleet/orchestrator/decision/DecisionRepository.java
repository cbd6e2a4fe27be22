package dev.llmfleet.orchestrator.decision;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionRepository extends JpaRepository<Decision, Long> {

    List<Decision> findByOrderByIdDesc(Pageable page);

    List<Decision> findByKindOrderByIdDesc(String kind, Pageable page);

    List<Decision> findBySubjectOrderByIdAsc(String subject);
}
