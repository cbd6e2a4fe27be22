package dev.llmfleet.trainer.lifecycle.artifacts;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.trainer.lifecycle.versions.VersionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A version's files for the inference host ({@link ModelVersionsClient}): the manifest with every
 * file's SHA-256, each file with {@code Range} support (Spring answers {@code 206} for a
 * {@link Resource} body), and the whole version as one zip.
 */
@RestController
@RequestMapping(ModelVersionsClient.BASE_PATH)
class ArtifactsController {

    private final VersionService versions;

    ArtifactsController(VersionService versions) {
        this.versions = versions;
    }

    @GetMapping("/{version}/manifest")
    VersionManifest manifest(@PathVariable String version) {
        return versions.manifest(version);
    }

    @GetMapping(ModelVersionsClient.FILE_PATH)
    ResponseEntity<Resource> file(@PathVariable String version, @PathVariable String file) {
        Path path = versions.file(version, file);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .body(new FileSystemResource(path));
    }

    /** The version's files, {@code manifest.json} included, as {@code <version>.zip}. */
    @GetMapping("/{version}/archive")
    ResponseEntity<StreamingResponseBody> archive(@PathVariable String version) {
        VersionManifest manifest = versions.manifest(version);
        StreamingResponseBody body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (VersionFile file : manifest.files()) {
                    zip.putNextEntry(new ZipEntry(manifest.version() + "/" + file.path()));
                    copy(versions.file(manifest.version(), file.path()), zip);
                    zip.closeEntry();
                }
            }
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(manifest.version() + ".zip")
                                .build()
                                .toString())
                .body(body);
    }

    private static void copy(Path file, ZipOutputStream zip) throws IOException {
        Files.copy(file, zip);
    }
}
