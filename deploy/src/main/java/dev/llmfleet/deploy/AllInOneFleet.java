package dev.llmfleet.deploy;

import dev.llmfleet.starter.FleetService;
import dev.llmfleet.starter.datasource.EmbeddedDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every fleet service in one JVM: each its own application context, port and database schema, all
 * on one PostgreSQL (embedded unless a URL is given). The registry starts first so that the others
 * find it; it is told to them as {@code fleet.registry.url}.
 */
public final class AllInOneFleet implements AutoCloseable {

    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    private final Map<String, Class<?>> applicationsByName = new LinkedHashMap<>();
    private final Duration startupTime;

    private AllInOneFleet(List<Class<?>> applications, String[] args) {
        long started = System.nanoTime();
        try {
            String registryUrl = null;
            for (Class<?> application : applications) {
                List<String> appArgs = new ArrayList<>(List.of(args));
                if (registryUrl != null && !hasArg(args, "fleet.registry.url")) {
                    appArgs.add("--fleet.registry.url=" + registryUrl);
                }
                // no shutdown hook per service: they would all close at once on Ctrl-C, the registry
                // and the scheduler going while the trainer still reports to them; the launcher's
                // one hook closes them in reverse order instead (see close())
                ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                        .main(application)
                        .registerShutdownHook(false)
                        .run(appArgs.toArray(String[]::new));
                String name = FleetServices.describe(application).name();
                contexts.put(name, context);
                applicationsByName.put(name, application);
                if (registryUrl == null) {
                    registryUrl = "http://localhost:" + port(context);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Starts all seven services with the given command-line style arguments. */
    public static AllInOneFleet start(String... args) {
        return new AllInOneFleet(FleetServices.ALL, args);
    }

    /** Starts only some of the services (the registry must be among them, first). */
    public static AllInOneFleet start(List<Class<?>> applications, String... args) {
        return new AllInOneFleet(applications, args);
    }

    public Duration startupTime() {
        return startupTime;
    }

    public ConfigurableApplicationContext context(String serviceName) {
        ConfigurableApplicationContext context = contexts.get(serviceName);
        if (context == null) {
            throw new IllegalArgumentException("No running service " + serviceName);
        }
        return context;
    }

    public int port(String serviceName) {
        return port(context(serviceName));
    }

    public String baseUrl(String serviceName) {
        return "http://localhost:" + port(serviceName);
    }

    public List<String> serviceNames() {
        return List.copyOf(contexts.keySet());
    }

    /** Stops one service, as an operator stopping it would: it deregisters and shuts down gracefully. */
    public void stop(String serviceName) {
        ConfigurableApplicationContext context = contexts.remove(serviceName);
        if (context != null) {
            context.close();
        }
    }

    /** Stops every service, the registry last, then the embedded database if the fleet started one. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(contexts.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            stop(names.get(i));
        }
        EmbeddedDatabase.stopAll();
    }

    /** One line per service: where it listens. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        contexts.forEach((name, context) -> {
            FleetService service = FleetServices.describe(applicationsByName.get(name));
            out.append("  %-20s http://localhost:%d   (%s host)%n".formatted(name, port(context), service.hostRole()));
        });
        return out.toString();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static boolean hasArg(String[] args, String name) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return true;
            }
        }
        return false;
    }
}
