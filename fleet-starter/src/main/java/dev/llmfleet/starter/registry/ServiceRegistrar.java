package dev.llmfleet.starter.registry;

import dev.llmfleet.api.registry.HeartbeatRequest;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Registers this instance with the registry once its web server listens, heartbeats it, and
 * deregisters it on shutdown.
 *
 * <p>A registry that is not up yet, or that forgot the instance (it was evicted while this one was
 * cut off), is handled on the next beat by registering again.
 */
public class ServiceRegistrar implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle {

    private static final Log log = LogFactory.getLog(ServiceRegistrar.class);

    private final RegistryClient registry;
    private final String serviceName;
    private final String host;
    private final String hostRole;
    private final Duration interval;
    private final Map<String, String> metadata;
    private final Supplier<List<String>> workersDown;
    private volatile ScheduledExecutorService scheduler;
    private volatile RegisterInstanceRequest request;
    private volatile boolean registered;
    private volatile boolean running;

    public ServiceRegistrar(
            RegistryClient registry,
            String serviceName,
            String host,
            String hostRole,
            Duration interval,
            Map<String, String> metadata,
            Supplier<List<String>> workersDown) {
        this.workersDown = workersDown;
        this.registry = registry;
        this.serviceName = serviceName;
        this.host = host;
        this.hostRole = hostRole;
        this.interval = interval;
        this.metadata = Map.copyOf(metadata);
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null || request != null) {
            return; // a management child context, or already started
        }
        int port = event.getWebServer().getPort();
        request = new RegisterInstanceRequest(
                serviceName, serviceName + "@" + host + ":" + port, host, port, "http", hostRole, metadata);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fleet-registrar-" + serviceName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The id this instance registers under, once its port is known. */
    public String instanceId() {
        return request == null ? null : request.instanceId();
    }

    public boolean isRegistered() {
        return registered;
    }

    void beat() {
        try {
            if (!registered) {
                registry.register(request);
                registered = true;
                log.info("Registered " + request.instanceId() + " with the registry");
            } else {
                registry.heartbeat(request.instanceId(), new HeartbeatRequest(workersDown.get()));
            }
        } catch (HttpClientErrorException.NotFound e) {
            registered = false;
            log.warn("The registry no longer knows " + request.instanceId() + "; registering again");
            beat();
        } catch (RuntimeException e) {
            log.debug("Registry not reachable for " + request.instanceId() + ": " + e.getMessage());
            if (registered) {
                log.warn("Heartbeat of " + request.instanceId() + " failed: " + e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
        }
        if (registered && request != null) {
            try {
                registry.deregister(request.instanceId());
                log.info("Deregistered " + request.instanceId());
            } catch (RuntimeException e) {
                log.warn("Could not deregister " + request.instanceId() + ": " + e.getMessage());
            }
            registered = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the web server so that nobody is sent here while it drains
        return Integer.MAX_VALUE;
    }
}
