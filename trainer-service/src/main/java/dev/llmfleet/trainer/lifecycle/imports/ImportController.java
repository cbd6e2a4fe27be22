package dev.llmfleet.trainer.lifecycle.imports;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.lifecycle.ImportRequest;
import dev.llmfleet.api.lifecycle.ImportedVersion;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/trainer/versions/import}: a Hugging Face model folder becomes a version (scope {@code fleet:admin}). */
@RestController
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(ModelVersionsClient.BASE_PATH + "/import")
    @ResponseStatus(HttpStatus.CREATED)
    ImportedVersion importModel(@RequestBody ImportRequest request, Principal principal) {
        return imports.importModel(request, principal == null ? "anonymous" : principal.getName());
    }
}
