package dev.llmfleet.orchestrator.curriculum;

import org.springframework.data.jpa.repository.JpaRepository;

interface SkillProgressRepository extends JpaRepository<SkillProgress, String> {}
