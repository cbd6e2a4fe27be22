package dev.llmfleet.trainer.lifecycle.retention;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckpointPinRepository extends JpaRepository<CheckpointPin, Long> {}
