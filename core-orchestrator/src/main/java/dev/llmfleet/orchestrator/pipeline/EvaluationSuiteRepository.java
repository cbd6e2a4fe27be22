package dev.llmfleet.orchestrator.pipeline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvaluationSuiteRepository extends JpaRepository<EvaluationSuite, Long> {

    Optional<EvaluationSuite> findFirstBySkillAndLevelOrderByVersionDesc(String skill, int level);

    Optional<EvaluationSuite> findBySkillAndLevelAndVersion(String skill, int level, int version);

    List<EvaluationSuite> findAllByOrderBySkillAscLevelAscVersionAsc();
}
