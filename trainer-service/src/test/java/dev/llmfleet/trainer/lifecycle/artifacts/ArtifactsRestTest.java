package dev.llmfleet.trainer.lifecycle.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.api.lifecycle.BackupView;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** Over HTTP, as the inference host and fleetctl see it. */
@LifecycleTest
class ArtifactsRestTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    RestClient http;
    LifecycleClient lifecycle;
    ModelVersionsClient downloads;

    @BeforeEach
    void oneVersion() throws IOException {
        LifecycleFixtures.reset(jdbc);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        HttpServiceProxyFactory proxies = HttpServiceProxyFactory.builderFor(
                        RestClientAdapter.create(RestClient.create("http://localhost:" + port)))
                .build();
        lifecycle = proxies.createClient(LifecycleClient.class);
        downloads = proxies.createClient(ModelVersionsClient.class);
        ConsolidationResult result = lifecycle.consolidate(new ConsolidateRequest(
                LifecycleFixtures.fullCheckpoint("run-a", 10, 1, 10).toString(),
                "over http",
                List.of(),
                Map.of(),
                Map.of(),
                "tester"));
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void servesTheManifestAndEveryFileWithResumableRanges() throws Exception {
        VersionManifest manifest = downloads.manifest("latest");

        assertThat(manifest.version()).isEqualTo("v001");
        assertThat(manifest.files())
                .extracting(VersionFile::path)
                .containsExactlyInAnyOrder("config.json", "tokenizer.json", "model.params", "manifest.json");
        for (VersionFile file : manifest.files()) {
            long half = file.size() / 2;
            ResponseEntity<byte[]> head = fetch(file.path(), "bytes=0-" + (half - 1));
            ResponseEntity<byte[]> tail = fetch(file.path(), "bytes=" + half + "-");

            assertThat(head.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
            assertThat(tail.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
            assertThat(tail.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE))
                    .isEqualTo("bytes " + half + "-" + (file.size() - 1) + "/" + file.size());
            assertThat(sha256(head.getBody(), tail.getBody())).isEqualTo(file.sha256());
        }
        ResponseEntity<byte[]> whole = fetch("model.params", null);
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(whole.getHeaders().getFirst(HttpHeaders.ACCEPT_RANGES)).isEqualTo("bytes");
    }

    @Test
    void servesTheVersionAsAZipWithItsManifest() throws IOException {
        ResponseEntity<byte[]> archive =
                http.get().uri("/api/trainer/versions/v001/archive").retrieve().toEntity(byte[].class);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive.getBody()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().endsWith("model.params")) {
                    Path unpacked = Files.createTempFile("model", ".params");
                    Files.write(unpacked, zip.readAllBytes());
                    assertThat(LifecycleFiles.sha256(unpacked))
                            .isEqualTo(LifecycleFiles.sha256(
                                    LifecycleFixtures.trainerDir().resolve("versions/v001/model.params")));
                }
            }
        }
        assertThat(names).contains("v001/manifest.json", "v001/model.params", "v001/config.json");
    }

    @Test
    void unknownVersionsFilesAndBadPathsAreProblemDetailsNotErrors() {
        assertThat(status("/api/trainer/versions/v999")).isEqualTo(404);
        assertThat(status("/api/trainer/versions/v001/files/training-state.json"))
                .isEqualTo(404);
        assertThat(status("/api/trainer/versions/v001/files/..%2F..%2Fetc%2Fpasswd"))
                .isIn(400, 404);
        assertThat(status("/api/trainer/backups/nope")).isEqualTo(404);
        ResponseEntity<String> outside = http.post()
                .uri("/api/trainer/versions/consolidate")
                .body(new ConsolidateRequest("/etc", "x", List.of(), Map.of(), Map.of(), "t"))
                .retrieve()
                .toEntity(String.class);
        assertThat(outside.getStatusCode().value()).isEqualTo(400);
        assertThat(outside.getBody()).contains("checkpoint-outside-data");
    }

    @Test
    void deleteOverRestReturnsTheVerifiedBackupAndRefusesTheCurrentModel() throws IOException {
        lifecycle.consolidate(new ConsolidateRequest(
                LifecycleFixtures.fullCheckpoint("run-a", 20, 2, 20).toString(),
                "second",
                List.of(),
                Map.of(),
                Map.of(),
                "tester"));

        assertThat(status("DELETE", "/api/trainer/versions/v002")).isEqualTo(409);
        BackupView backup = lifecycle.delete("v001");

        assertThat(backup.version()).isEqualTo("v001");
        assertThat(lifecycle.backups()).extracting(BackupView::id).contains(backup.id());
        assertThat(lifecycle.versions()).extracting(VersionView::name).containsExactly("v001", "v002");
        assertThat(status("/api/trainer/versions/v001/manifest")).isEqualTo(410);
    }

    private ResponseEntity<byte[]> fetch(String file, String range) {
        return http.get()
                .uri(ModelVersionsClient.BASE_PATH + ModelVersionsClient.FILE_PATH, "v001", file)
                .headers(h -> {
                    if (range != null) {
                        h.set(HttpHeaders.RANGE, range);
                    }
                })
                .retrieve()
                .toEntity(byte[].class);
    }

    private int status(String path) {
        return status("GET", path);
    }

    private int status(String method, String path) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private static String sha256(byte[] first, byte[] second) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(first);
        digest.update(second);
        return HexFormat.of().formatHex(digest.digest());
    }
}
