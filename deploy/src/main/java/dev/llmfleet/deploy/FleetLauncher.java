package dev.llmfleet.deploy;

import dev.llmfleet.starter.datasource.EmbeddedDatabase;
import java.time.Duration;
import java.util.Locale;

/**
 * The fleet's main job: starts all seven services in this JVM and says where they listen.
 *
 * <p>Every argument is passed to every service ({@code --fleet.data-dir=/srv/fleet}, ...). Ctrl-C
 * stops the fleet gracefully: services deregister, then the embedded database stops. With
 * {@code --demo} it also prints, as they happen, the steps of the fleet teaching itself (see
 * {@link DemoMode}).
 */
public final class FleetLauncher {

    private FleetLauncher() {}

    public static void main(String[] args) {
        boolean demo = DemoMode.requested(args);
        String[] serviceArgs = demo ? DemoMode.arguments(args) : args;
        // the fleet's own hook stops the embedded database after every service has finished
        System.setProperty(EmbeddedDatabase.SHUTDOWN_HOOK_PROPERTY, "false");
        AllInOneFleet fleet = AllInOneFleet.start(serviceArgs);
        Runtime.getRuntime().addShutdownHook(new Thread(fleet::close, "fleet-shutdown"));
        System.out.printf(
                Locale.ROOT,
                "%nLLM Fleet is up: %d services in %.1f s%n%s%n",
                fleet.serviceNames().size(),
                fleet.startupTime().toMillis() / 1000.0,
                fleet.describe());
        if (demo) {
            new DemoMode(
                            fleet,
                            DemoMode.dataDir(serviceArgs),
                            System.out,
                            Duration.ofSeconds(2),
                            DemoMode.base(args).orElse(null))
                    .start();
        }
    }
}
