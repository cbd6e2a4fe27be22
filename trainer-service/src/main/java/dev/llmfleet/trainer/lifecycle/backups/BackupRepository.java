package dev.llmfleet.trainer.lifecycle.backups;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BackupRepository extends JpaRepository<ModelBackup, String> {

    List<ModelBackup> findAllByOrderByCreatedAtDesc();

    List<ModelBackup> findByVersionNameOrderByCreatedAtDesc(String versionName);
}
