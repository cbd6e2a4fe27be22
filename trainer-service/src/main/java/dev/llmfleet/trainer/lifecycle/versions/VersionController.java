package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.RestoreResult;
import dev.llmfleet.api.lifecycle.VersionView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Versions: list, get, consolidate, restore, delete; and restore from a backup, which lives here
 * because it recreates a version. Files, manifests and archives are served by the artifacts package.
 */
@RestController
class VersionController {

    private static final String BASE = ModelVersionsClient.BASE_PATH;

    private final VersionService versions;
    private final ConsolidationService consolidation;

    VersionController(VersionService versions, ConsolidationService consolidation) {
        this.versions = versions;
        this.consolidation = consolidation;
    }

    @GetMapping(BASE)
    List<VersionView> list() {
        return versions.list();
    }

    @GetMapping(BASE + "/{version}")
    VersionView get(@PathVariable String version) {
        return versions.get(version);
    }

    /** 201 with the new version, or 422 with the step that failed; either way the body is the result. */
    @PostMapping(BASE + "/consolidate")
    ResponseEntity<ConsolidationResult> consolidate(@RequestBody ConsolidateRequest request) {
        ConsolidationResult result = consolidation.consolidate(request);
        return ResponseEntity.status(result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT)
                .body(result);
    }

    @PostMapping(BASE + "/{version}/restore")
    RestoreResult restore(@PathVariable String version) {
        return versions.restore(version);
    }

    @DeleteMapping(BASE + "/{version}")
    BackupView delete(@PathVariable String version, @RequestParam(defaultValue = "unknown") String by) {
        return versions.delete(version, by);
    }

    @PostMapping("/api/trainer/backups/{id}/restore")
    RestoreResult restoreBackup(@PathVariable String id) {
        return versions.restoreFromBackup(id);
    }
}
