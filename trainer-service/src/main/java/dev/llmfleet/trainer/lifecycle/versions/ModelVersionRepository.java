package dev.llmfleet.trainer.lifecycle.versions;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ModelVersionRepository extends JpaRepository<ModelVersion, String> {

    List<ModelVersion> findAllByOrderByNumberAsc();

    Optional<ModelVersion> findFirstByDeletedAtIsNullOrderByNumberDesc();

    Optional<ModelVersion> findFirstByManifestSha256AndDeletedAtIsNullOrderByNumberDesc(String manifestSha256);

    @Query("select coalesce(max(v.number), 0) from ModelVersion v")
    int maxNumber();
}
