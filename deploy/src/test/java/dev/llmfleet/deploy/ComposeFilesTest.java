package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.starter.FleetService;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compose files cannot be run here (no Docker engine), so this reads them and checks that
 * every fleet service, port, build argument and environment variable they name exists.
 */
class ComposeFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Set<String> INFRASTRUCTURE = Set.of("postgres", "nats", "prometheus", "grafana");

    @ParameterizedTest
    @ValueSource(
            strings = {"docker-compose.yml", "deploy/compose/training-host.yml", "deploy/compose/inference-host.yml"})
    void namesOnlyRealServicesPortsAndSettings(String file) throws IOException {
        Map<String, Object> compose = read(ROOT.resolve(file));
        Map<String, Map<String, Object>> services = cast(compose.get("services"));
        Set<String> known = knownProperties();

        for (var entry : services.entrySet()) {
            String name = entry.getKey();
            if (INFRASTRUCTURE.contains(name)) {
                continue;
            }
            Class<?> application = FleetServices.ALL.stream()
                    .filter(app -> FleetServices.describe(app).name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(file + " names an unknown fleet service " + name));
            FleetService service = FleetServices.describe(application);
            Map<String, Object> spec = entry.getValue();

            Map<String, Object> build = cast(spec.get("build"));
            assertThat(ROOT.resolve(String.valueOf(build.get("dockerfile"))))
                    .as(name + " Dockerfile")
                    .exists();
            Map<String, Object> buildArgs = cast(build.get("args"));
            assertThat(ROOT.resolve(String.valueOf(buildArgs.get("SERVICE")) + "/pom.xml"))
                    .as(name + " module")
                    .exists();
            List<String> ports = cast(spec.get("ports"));
            assertThat(ports).as(name + " ports").contains(service.port() + ":" + service.port());

            Map<String, Object> environment = cast(spec.get("environment"));
            for (String variable : environment.keySet()) {
                assertThat(known)
                        .as("%s in %s sets %s, which no service reads", name, file, variable)
                        .contains(relaxed(variable));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "deploy/compose/training-host.yml"})
    void mountsConfigurationThatExists(String file) throws IOException {
        Map<String, Map<String, Object>> services =
                cast(read(ROOT.resolve(file)).get("services"));
        Path base = ROOT.resolve(file).getParent();
        for (String infra : List.of("prometheus", "grafana")) {
            List<String> volumes = cast(services.get(infra).get("volumes"));
            for (String volume : volumes) {
                Path source = base.resolve(volume.split(":")[0]).normalize();
                assertThat(source).as(infra + " mounts " + volume).exists();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker-compose.yml", "deploy/compose/training-host.yml"})
    void natsSyncsEveryJetStreamWriteBeforeItAcknowledges(String file) throws IOException {
        Map<String, Map<String, Object>> services =
                cast(read(ROOT.resolve(file)).get("services"));
        Map<String, Object> nats = services.get("nats");
        List<String> command = cast(nats.get("command"));
        assertThat(command).containsExactly("-c", "/etc/nats/nats.conf");
        List<String> volumes = cast(nats.get("volumes"));
        String config = volumes.stream()
                .filter(v -> v.contains(":/etc/nats/nats.conf"))
                .findFirst()
                .orElseThrow();
        Path source =
                ROOT.resolve(file).getParent().resolve(config.split(":")[0]).normalize();
        String text = Files.readString(source);
        assertThat(text).containsPattern("(?m)^\\s*sync_interval:\\s*always\\s*$");
        assertThat(text).containsPattern("(?m)^\\s*store_dir:\\s*\"/data\"\\s*$");
        assertThat(volumes).contains("nats-data:/data");
    }

    /** Every property named in any configuration metadata on the classpath, in relaxed form. */
    static Set<String> knownProperties() throws IOException {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        Enumeration<URL> files =
                ComposeFilesTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        while (files.hasMoreElements()) {
            try (InputStream in = files.nextElement().openStream()) {
                JsonNode properties = json.readTree(in).path("properties");
                for (JsonNode property : properties) {
                    names.add(relaxed(property.path("name").asString()));
                }
            }
        }
        return names;
    }

    static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", ".").replace("-", "");
    }

    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
