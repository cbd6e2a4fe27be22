package dev.llmfleet.orchestrator.registry;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes registrations through to PostgreSQL; heartbeat times are written in batches. */
@Component
class RegistryStore {

    private final RegisteredInstanceRepository repository;
    private final JdbcTemplate jdbc;

    RegistryStore(RegisteredInstanceRepository repository, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<LiveInstance> loadAll() {
        return repository.findAll().stream().map(RegisteredInstance::toLive).toList();
    }

    @Transactional
    void save(LiveInstance live) {
        RegisteredInstance stored = repository
                .findById(live.instanceId())
                .map(existing -> {
                    existing.copyFrom(live);
                    return existing;
                })
                .orElseGet(() -> new RegisteredInstance(live));
        repository.save(stored);
    }

    @Transactional
    void delete(String instanceId) {
        repository.deleteById(instanceId);
    }

    void saveHeartbeats(Collection<LiveInstance> beaten) {
        if (beaten.isEmpty()) {
            return;
        }
        List<Object[]> rows = beaten.stream()
                .map(i -> new Object[] {Timestamp.from(i.lastHeartbeat()), i.instanceId()})
                .toList();
        jdbc.batchUpdate("UPDATE service_instance SET last_heartbeat = ? WHERE instance_id = ?", rows);
    }
}
