package dev.llmfleet.observability.alert;

import org.springframework.data.jpa.repository.JpaRepository;

interface AlertGroupRepository extends JpaRepository<AlertGroup, String> {}
