package dev.llmfleet.orchestrator.curriculum;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SkillEvaluationRepository extends JpaRepository<SkillEvaluation, Long> {

    List<SkillEvaluation> findBySkillOrderByEvaluatedAtAscIdAsc(String skill);
}
