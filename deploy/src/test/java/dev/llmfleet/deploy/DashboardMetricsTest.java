package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunState;
import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric a Grafana dashboard queries must be exported by some service: the whole fleet is
 * started, fed a GPU and a training run so that the per-device and per-run series exist, and every
 * service's {@code /actuator/prometheus} is read. A meter a service registers only on first use
 * (an inference request, say) counts when its dotted name is declared in a service's main sources.
 */
class DashboardMetricsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DASHBOARDS = ROOT.resolve("deploy/grafana/dashboards");
    static final Set<String> PROMQL_WORDS = Set.of(
            "sum",
            "avg",
            "min",
            "max",
            "count",
            "rate",
            "irate",
            "increase",
            "delta",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "bool",
            "histogram_quantile",
            "topk",
            "bottomk",
            "abs",
            "clamp_min",
            "clamp_max",
            "time",
            "vector",
            "scalar",
            "offset",
            "avg_over_time",
            "max_over_time",
            "min_over_time",
            "label_replace");
    static final Set<String> PROMETHEUS_SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;

    @BeforeAll
    static void startFleet() {
        List<String> args = new ArrayList<>(List.of(FleetTestArgs.fastRegistry(dataDir)));
        args.addAll(List.of(
                "--fleet.security.enabled=false",
                "--fleet.observability.sources.poll-interval=500ms",
                "--fleet.observability.health.poll-interval=500ms",
                "--fleet.observability.alerts.evaluation-interval=500ms"));
        fleet = AllInOneFleet.start(args.toArray(String[]::new));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void everyMetricADashboardQueriesIsExportedBySomeService() {
        RestClient.create(fleet.baseUrl("resource-scheduler"))
                .put()
                .uri("/api/scheduler/hosts/metrics-test-host/devices")
                .body(new DeviceReport(List.of(new DeviceInfo(0, "GPU-test-0", "Test GPU", 24_000, 20_000, 35, 61))))
                .retrieve()
                .toBodilessEntity();
        RestClient.create(fleet.baseUrl("observability-hub"))
                .put()
                .uri("/api/observability/runs/metrics-run/progress")
                .body(new RunProgress("metrics-run", "test", RunState.RUNNING, 5, 10, 2.0, 2.2, 800.0, null))
                .retrieve()
                .toBodilessEntity();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape("observability-hub"))
                        .contains("fleet_observability_gpu_temperature_celsius{")
                        .contains("fleet_observability_instance_up{"));

        Set<String> exported = new TreeSet<>(PROMETHEUS_SYNTHETIC);
        for (String service : fleet.serviceNames()) {
            scrape(service); // the first scrape makes the second one carry http_server_requests for it
            exported.addAll(metricNames(scrape(service)));
        }
        Set<String> declared = declaredMeterNames();

        Set<String> queried = queriedMetrics();
        assertThat(queried).as("metrics the dashboards query").hasSizeGreaterThan(20);
        List<String> missing = queried.stream()
                .filter(name -> !exported.contains(name) && !declared.contains(dotted(name)))
                .toList();
        assertThat(missing)
                .as("metrics queried by a dashboard that no service exports")
                .isEmpty();
    }

    @Test
    void theMetricNameReaderFindsMetricsAndSkipsLabelsAndFunctions() {
        assertThat(metricsIn(
                        "sum by (service) (rate(http_server_requests_seconds_count{status=~\"5..\",uri=\"/x\"}[5m]))"
                                + " / fleet_observability_run_loss"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "fleet_observability_run_loss");
    }

    static Set<String> queriedMetrics() {
        Set<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                for (JsonNode panel : json.readTree(file.toFile()).get("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        names.addAll(metricsIn(target.get("expr").asString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> metricsIn(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    static Set<String> metricNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** The dotted meter names literally declared in the services' main sources. */
    static Set<String> declaredMeterNames() {
        Set<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(fleet\\.[a-z0-9]+(\\.[a-z0-9]+)+)\"");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** {@code fleet_inference_tokens_per_second_sum} back to {@code fleet.inference.tokens.per.second}. */
    static String dotted(String prometheusName) {
        return prometheusName
                .replaceAll("_(total|sum|count|max|bucket)$", "")
                .replaceAll("_(seconds|bytes|celsius|percent)$", "")
                .replace('_', '.');
    }

    static String scrape(String service) {
        return RestClient.create(fleet.baseUrl(service))
                .get()
                .uri("/actuator/prometheus")
                .retrieve()
                .body(String.class);
    }
}
