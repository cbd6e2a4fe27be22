package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.registry.ServiceInstance;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fleet as it should be found: every service ever seen on every host (with the host's role),
 * kept in PostgreSQL so that a host that vanished while the orchestrator was down is still
 * missed after its restart. A host is forgotten only when an operator says so.
 */
@Component
class ExpectedFleet {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private Map<String, Map<String, String>> known;

    ExpectedFleet(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Remembers what {@code instances} show for the first time.
     *
     * @return every expected host, with its expected services and their host roles, sorted
     */
    synchronized Map<String, Map<String, String>> observe(List<ServiceInstance> instances) {
        Map<String, Map<String, String>> expected = known();
        for (ServiceInstance instance : instances) {
            Map<String, String> services = expected.computeIfAbsent(instance.host(), h -> new TreeMap<>());
            String role = instance.hostRole();
            if (!role.equals(services.get(instance.serviceName()))) {
                jdbc.update("""
                        INSERT INTO twin_seen_service (host, service_name, host_role, first_seen) VALUES (?, ?, ?, ?)
                        ON CONFLICT (host, service_name) DO UPDATE SET host_role = EXCLUDED.host_role
                        """, instance.host(), instance.serviceName(), role, Timestamp.from(clock.instant()));
                services.put(instance.serviceName(), role);
            }
        }
        return copy(expected);
    }

    /** Stops expecting {@code host} (it was decommissioned). */
    synchronized boolean forget(String host) {
        int removed = jdbc.update("DELETE FROM twin_seen_service WHERE host = ?", host);
        known().remove(host);
        return removed > 0;
    }

    private Map<String, Map<String, String>> known() {
        if (known == null) {
            Map<String, Map<String, String>> loaded = new TreeMap<>();
            jdbc.query("SELECT host, service_name, host_role FROM twin_seen_service", row -> {
                loaded.computeIfAbsent(row.getString("host"), h -> new TreeMap<>())
                        .put(row.getString("service_name"), row.getString("host_role"));
            });
            known = loaded;
        }
        return known;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> expected) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        expected.forEach((host, services) -> copy.put(host, Map.copyOf(new HashMap<>(services))));
        return copy;
    }
}
