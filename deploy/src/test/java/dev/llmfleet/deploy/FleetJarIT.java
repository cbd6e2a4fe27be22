package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

/**
 * The README's first command, as a user runs it: the packaged jar, on the embedded PostgreSQL in
 * its data folder. Catches what only the runnable jar shows (a library missing at run time, a
 * resource two services both claim), and checks that a restart keeps the data.
 */
class FleetJarIT {

    static final Pattern LISTENS = Pattern.compile("^\\s+([a-z-]+)\\s+http://localhost:(\\d+)\\s");

    @TempDir
    Path dataDir;

    @Test
    void theJarStartsEveryServicePrintsWhereTheyListenAndKeepsItsDataAcrossARestart() throws Exception {
        Map<String, Integer> ports;
        String credentials;
        try (RunningJar first = RunningJar.start(dataDir)) {
            ports = first.ports();
            assertThat(ports.keySet()).containsExactlyInAnyOrderElementsOf(FleetServices.names());
            RestClient http = RestClient.create();
            for (var service : ports.entrySet()) {
                assertThat(http.get()
                                .uri("http://localhost:" + service.getValue() + "/actuator/health")
                                .retrieve()
                                .body(String.class))
                        .as(service.getKey())
                        .contains("\"status\":\"UP\"");
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(http.get()
                                    .uri("http://localhost:" + ports.get("core-orchestrator")
                                            + "/api/registry/services")
                                    .retrieve()
                                    .body(String.class))
                            .contains(FleetServices.names().stream()
                                    .map(n -> "\"serviceName\":\"" + n + "\",\"up\":1")
                                    .toList()));
            credentials = Files.readString(dataDir.resolve("admin-credentials"));
        }

        try (RunningJar second = RunningJar.start(dataDir)) {
            assertThat(second.ports()).hasSize(FleetServices.names().size());
            assertThat(Files.readString(dataDir.resolve("admin-credentials"))).isEqualTo(credentials);
            assertThat(second.output()).noneMatch(line -> line.contains("Created the admin client"));
        }
    }

    /** The launcher in its own JVM, stopped the way Ctrl-C stops it. */
    record RunningJar(Process process, List<String> output, Map<String, Integer> ports) implements AutoCloseable {

        static RunningJar start(Path dataDir) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "--enable-native-access=ALL-UNNAMED",
                            "-jar",
                            Path.of("target/llm-fleet.jar").toAbsolutePath().toString(),
                            "--server.port=0",
                            "--fleet.data-dir=" + dataDir,
                            "--spring.datasource.url=",
                            "--spring.main.banner-mode=off",
                            "--fleet.orchestrator.pipeline.enabled=false")
                    .redirectErrorStream(true)
                    .start();
            List<String> output = new CopyOnWriteArrayList<>();
            Map<String, Integer> ports = new ConcurrentHashMap<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        output.add(line);
                        Matcher m = LISTENS.matcher(line);
                        if (m.find()) {
                            ports.put(m.group(1), Integer.parseInt(m.group(2)));
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            RunningJar jar = new RunningJar(process, output, ports);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !process.isAlive()
                            || ports.size() == FleetServices.names().size());
            assertThat(process.isAlive())
                    .as(
                            "the fleet exited early:%n%s",
                            String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size())))
                    .isTrue();
            return jar;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
