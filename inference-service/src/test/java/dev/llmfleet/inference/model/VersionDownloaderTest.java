package dev.llmfleet.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.TestModels;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.registry.ServiceLocator;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The downloader against a stand-in trainer host that speaks the versions contract over real HTTP. */
class VersionDownloaderTest {

    @TempDir
    Path trainerDir;

    @TempDir
    Path inferenceDir;

    HttpServer trainer;
    Path version;
    final Map<String, String> rangesAsked = new ConcurrentHashMap<>();
    final Map<String, byte[]> tampered = new ConcurrentHashMap<>();
    VersionDownloader downloader;

    @BeforeEach
    void startTrainer() throws IOException {
        version = TestModels.checkpoint(trainerDir, "v7", 7);
        trainer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        trainer.createContext("/api/trainer/versions/v7/manifest", exchange -> {
            byte[] body = JsonMapper.builder().build().writeValueAsBytes(manifest());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        trainer.createContext("/api/trainer/versions/v7/files/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/api/trainer/versions/v7/files/".length());
            byte[] bytes = tampered.getOrDefault(name, Files.readAllBytes(version.resolve(name)));
            String range = exchange.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                rangesAsked.put(name, range);
                from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(range == null ? 200 : 206, bytes.length - from);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes, from, bytes.length - from);
            }
        });
        trainer.start();

        RegistryClient registry = mock(RegistryClient.class);
        when(registry.upInstances("trainer-service"))
                .thenReturn(List.of(new ServiceInstance(
                        "trainer-service",
                        "t1",
                        "127.0.0.1",
                        trainer.getAddress().getPort(),
                        "http",
                        "training",
                        Map.of(),
                        InstanceStatus.UP,
                        Instant.now(),
                        Instant.now(),
                        List.of())));
        ServiceLocator locator = new ServiceLocator(
                registry,
                CircuitBreaker.ofDefaults("registry"),
                Retry.ofDefaults("registry"),
                Duration.ofSeconds(5),
                Clock.systemUTC());
        FleetHttpClients clients =
                new FleetHttpClients(RestClient.builder(), locator, CircuitBreakerRegistry.ofDefaults());
        downloader = new VersionDownloader(
                clients, properties(inferenceDir), new FleetStarterProperties(trainerDir, null, null, null));
    }

    @AfterEach
    void stopTrainer() {
        trainer.stop(0);
    }

    static InferenceProperties properties(Path versionsDir) {
        return new InferenceProperties(
                "fleet",
                null,
                null,
                versionsDir,
                "trainer-service",
                new InferenceProperties.Engine(4, 4, 0, 0),
                new InferenceProperties.Limits(4096, 256, Duration.ofMinutes(1), 8192),
                new InferenceProperties.Readiness(Duration.ofSeconds(30), Duration.ofSeconds(10), 4));
    }

    VersionManifest manifest() throws IOException {
        try (Stream<Path> files = Files.list(version)) {
            return new VersionManifest(
                    "v7",
                    "fleet",
                    files.map(f -> new VersionFile(f.getFileName().toString(), size(f), sha256(f)))
                            .toList());
        }
    }

    @Test
    void downloadsAVersionAndVerifiesEveryFile() throws IOException {
        Path downloaded = downloader.download("v7");

        assertThat(downloaded).isEqualTo(inferenceDir.resolve("v7"));
        assertThat(CheckpointReader.open(downloaded).manifest().files()).hasSize(3);
        assertThat(Files.readAllBytes(downloaded.resolve(ModelFiles.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(version.resolve(ModelFiles.WEIGHTS)));
        assertThat(rangesAsked).isEmpty();
    }

    @Test
    void resumesAnInterruptedDownloadWithARangeRequest() throws IOException {
        byte[] weights = Files.readAllBytes(version.resolve(ModelFiles.WEIGHTS));
        Path partial = Files.createDirectories(inferenceDir.resolve(".partial-v7"));
        Files.write(partial.resolve(ModelFiles.WEIGHTS), java.util.Arrays.copyOf(weights, weights.length / 2));

        Path downloaded = downloader.download("v7");

        assertThat(rangesAsked).containsEntry(ModelFiles.WEIGHTS, "bytes=" + weights.length / 2 + "-");
        assertThat(Files.readAllBytes(downloaded.resolve(ModelFiles.WEIGHTS))).isEqualTo(weights);
        assertThat(partial).doesNotExist();
    }

    @Test
    void refusesAFileWhoseDigestDoesNotMatchTheManifest() throws IOException {
        byte[] weights = Files.readAllBytes(version.resolve(ModelFiles.WEIGHTS));
        weights[weights.length - 1] ^= 1;
        tampered.put(ModelFiles.WEIGHTS, weights);

        assertThatThrownBy(() -> downloader.download("v7"))
                .isInstanceOf(VersionDownloader.CheckpointMismatchException.class)
                .hasMessageContaining(ModelFiles.WEIGHTS);
        assertThat(inferenceDir.resolve("v7")).doesNotExist();
    }

    @Test
    void replacesALocalCopyOfAnotherModelOfTheSameName() throws IOException {
        // A folder left by another fleet (or an older data folder) whose v7 is a different model.
        TestModels.checkpoint(inferenceDir, "v7", 8);

        Path downloaded = downloader.download("v7");

        assertThat(Files.readAllBytes(downloaded.resolve(ModelFiles.WEIGHTS)))
                .isEqualTo(Files.readAllBytes(version.resolve(ModelFiles.WEIGHTS)));
    }

    @Test
    void keepsAVerifiedLocalCopyWhenTheTrainerCannotBeAsked() throws IOException {
        Path downloaded = downloader.download("v7");
        trainer.stop(0);

        assertThat(downloader.download("v7")).isEqualTo(downloaded);
    }

    @Test
    void refusesAVersionNameThatCouldEscapeTheVersionsFolder() {
        assertThatThrownBy(() -> downloader.download("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
