package dev.llmfleet.trainer.intake;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.run.RunSettingsReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Datasets over REST: multipart ({@code file}, and {@code run}, the run settings as JSON) or the
 * raw body (run settings in the {@code run} parameter), with a priority (NORMAL when absent). 201
 * for a new dataset, 200 for content already known (its settings stay as they were), 422 with the
 * bad lines for a rejected file or with the field for refused run settings, 413 over the size limit.
 */
@RestController
@RequestMapping("/api/trainer")
class UploadController {

    private final IntakeService intake;

    UploadController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IntakeResult> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "NORMAL") JobPriority priority,
            @RequestPart(name = "run", required = false) String run)
            throws IOException {
        RunSettings settings = RunSettingsReader.read(run);
        try (InputStream in = file.getInputStream()) {
            return answer(intake.takeUpload(in, file.getOriginalFilename(), priority, settings));
        }
    }

    @PostMapping(path = "/uploads/stream")
    ResponseEntity<IntakeResult> stream(
            @RequestParam String name,
            @RequestParam(defaultValue = "NORMAL") JobPriority priority,
            @RequestParam(required = false) String run,
            InputStream body)
            throws IOException {
        return answer(intake.takeUpload(body, name, priority, RunSettingsReader.read(run)));
    }

    @GetMapping("/rejected")
    List<ValidationReport> rejected() throws IOException {
        return intake.rejectedReports();
    }

    private static ResponseEntity<IntakeResult> answer(IntakeResult result) {
        HttpStatus status = result.outcome() == IntakeOutcome.ACCEPTED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }
}
