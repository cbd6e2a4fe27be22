package dev.llmfleet.trainer.lifecycle.imports;

import dev.llmfleet.api.error.FleetException;
import java.nio.file.Path;
import java.util.List;

/** An import that cannot happen, for a reason the request can fix; nothing was imported. */
public final class InvalidImportException extends FleetException {

    private InvalidImportException(Kind kind, String code, String message) {
        super(kind, code, message);
    }

    static InvalidImportException noPath() {
        return new InvalidImportException(Kind.INVALID, "import-path-missing", "'path' must name a model folder");
    }

    static InvalidImportException outsideRoots(String path, List<Path> roots) {
        return new InvalidImportException(
                Kind.INVALID,
                "import-path-outside-roots",
                "'" + path + "' is not inside an import folder; models are imported from " + roots);
    }

    static InvalidImportException notAFolder(String path) {
        return new InvalidImportException(Kind.INVALID, "import-path-not-a-folder", "'" + path + "' is not a folder");
    }

    static InvalidImportException linkOut(String path) {
        return new InvalidImportException(
                Kind.INVALID,
                "import-path-links-out",
                "'" + path + "' leads out of the import folders through a symbolic link");
    }

    static InvalidImportException notAModel(String path, String reason) {
        return new InvalidImportException(
                Kind.INVALID, "import-not-a-model", "'" + path + "' is not a model the fleet can run: " + reason);
    }

    static InvalidImportException failed(String step, String reason) {
        return new InvalidImportException(
                Kind.UNPROCESSABLE,
                "import-failed",
                "the import failed at " + step + ": " + reason + "; nothing was changed");
    }
}
