package dev.llmfleet.orchestrator.registry;

import org.springframework.data.jpa.repository.JpaRepository;

interface RegisteredInstanceRepository extends JpaRepository<RegisteredInstance, String> {}
