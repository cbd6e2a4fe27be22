package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClientResponseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Uploads a dataset to the trainer ({@code POST /api/trainer/uploads}, multipart: the part
 * {@code file}, and the part {@code run} with the run settings when any is given). An accepted file
 * is stored and queued; a rejected one (422) is shown with every bad line, from the trainer's
 * report of that content, and the command fails. Refused run settings fail it with the trainer's
 * reason, which names the setting.
 */
@Command(
        name = "add",
        description = "Upload a JSON Lines dataset: validated on the trainer, queued for training when accepted.")
final class QueueAddCommand extends FleetCommand {

    private static final int UNPROCESSABLE = 422;
    /** The problem code of content the trainer refused; only such a rejection has a report of bad lines. */
    private static final String DATASET_REJECTED = "dataset-rejected";

    @Parameters(index = "0", paramLabel = "FILE", description = "The dataset, one JSON object per line")
    Path file;

    @Option(
            names = "--priority",
            defaultValue = "NORMAL",
            description = "high, normal (default) or low: where its training job waits")
    JobPriority priority;

    @Mixin
    RunSettingsOptions run;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw usage("No such file: " + file);
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new FileSystemResource(file));
        run.settings().ifPresent(settings -> parts.add("run", runPart(settings)));
        IntakeResult result;
        try {
            result = fleet().restClient(TRAINER)
                    .post()
                    .uri(uri -> uri.path("/api/trainer/uploads")
                            .queryParam("priority", priority)
                            .build())
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(parts)
                    .retrieve()
                    .body(IntakeResult.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() != UNPROCESSABLE) {
                throw e;
            }
            return rejected(e);
        }
        printAccepted(result);
        return ExitCodes.OK;
    }

    /**
     * The settings as a JSON part. It carries a file name because a Spring server sees only parts
     * with one as files ({@code @RequestPart MultipartFile}); a part without one would be a form field.
     */
    private static HttpEntity<byte[]> runPart(RunSettings settings) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentDisposition(
                ContentDisposition.formData().name("run").filename("run.json").build());
        return new HttpEntity<>(RunSettingsOptions.json(settings), headers);
    }

    private void printAccepted(IntakeResult result) {
        Output out = out();
        DatasetView dataset = result.dataset();
        out.print(result, () -> {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("Outcome", result.outcome().toString());
            fields.put("Dataset", dataset.name());
            fields.put("SHA-256", dataset.sha256());
            fields.put("Status", dataset.status().toString());
            fields.put("Job", Formats.text(dataset.jobId()));
            fields.put("Priority", Formats.text(dataset.priority()));
            fields.put("Spec", Formats.text(dataset.spec()));
            fields.put(
                    "Examples",
                    "%d (%d lines, %d tokens)".formatted(dataset.examples(), dataset.lines(), dataset.tokens()));
            fields.put("Run", dataset.run() == null ? null : Formats.settings(dataset.run()));
            fields.put("Note", dataset.lastReason());
            out.fields(fields);
        });
    }

    /** Prints the trainer's full report of this content (every bad line), if it has one, and its problem message. */
    private int rejected(RestClientResponseException problem) {
        String message = ErrorHandler.problemMessage(problem);
        Optional<ValidationReport> report = ErrorHandler.problemCode(problem)
                .filter(DATASET_REJECTED::equals)
                .flatMap(content -> report(sha256(file)));
        Output out = out();
        if (report.isPresent()) {
            ValidationReport r = report.get();
            out.print(r, () -> {
                out.line("Rejected %s (SHA-256 %s): %d issue(s)"
                        .formatted(r.fileName(), r.sha256(), r.issues().size()));
                out.table(List.of("LINE", "CHECK", "CODE", "MESSAGE"), rows(r.issues()));
            });
        }
        err().println("fleetctl: " + message);
        err().flush();
        return ExitCodes.FAILURE;
    }

    private Optional<ValidationReport> report(String sha) {
        return client(TRAINER, TrainerClient.class).rejected().stream()
                .filter(r -> sha.equals(r.sha256()))
                .findFirst();
    }

    private static List<List<String>> rows(List<ValidationIssue> issues) {
        return issues.stream()
                .map(i -> List.of(
                        i.line() > 0 ? Long.toString(i.line()) : "file",
                        String.valueOf(i.level()),
                        i.code(),
                        Formats.cell(i.message(), 120)))
                .toList();
    }

    /** The digest the trainer files the content under. */
    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
