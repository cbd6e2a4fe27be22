package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.error.FleetException;
import org.springframework.util.unit.DataSize;

public class UploadTooLargeException extends FleetException {

    private UploadTooLargeException(String message) {
        super(Kind.TOO_LARGE, "upload-too-large", message);
    }

    static UploadTooLargeException over(DataSize limit) {
        return new UploadTooLargeException("the file is larger than the limit of " + limit.toMegabytes() + " MB");
    }
}
