package dev.llmfleet.starter.datasource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** Real PostgreSQL binaries (from Maven Central) run from a folder, one server per folder per JVM. */
public final class EmbeddedDatabase {

    private static final Log log = LogFactory.getLog(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedPostgres> servers = new ConcurrentHashMap<>();
    private static final Map<Path, FolderLock> locks = new ConcurrentHashMap<>();

    /**
     * Set to {@code false} by a launcher that stops the servers itself, after its services: the
     * server's own JVM shutdown hook would otherwise stop it at once on Ctrl-C, under services
     * still finishing their work.
     */
    public static final String SHUTDOWN_HOOK_PROPERTY = "fleet.embedded-database.shutdown-hook";

    private EmbeddedDatabase() {}

    /**
     * Starts (or reuses) the server whose data lives in {@code dir} and returns its JDBC URL. A
     * durable server forces every commit to disk (the fleet's own data); a throwaway one (a test's
     * temporary folder) keeps the embedded defaults, which skip fsync.
     */
    public static String start(Path dir, boolean durable) {
        Path folder = FleetDatabases.ensureDirectory(dir);
        EmbeddedPostgres server = servers.computeIfAbsent(folder, f -> launch(f, durable));
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Stops every server this JVM started; a later {@link #start} starts them again from their folders. */
    public static void stopAll() {
        for (Path folder : servers.keySet()) {
            EmbeddedPostgres server = servers.remove(folder);
            if (server != null) {
                try {
                    server.close();
                    log.info("Embedded PostgreSQL in " + folder + " stopped");
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL in " + folder + ": " + e.getMessage());
                }
                release(folder);
            }
        }
    }

    private static EmbeddedPostgres launch(Path folder, boolean durable) {
        long started = System.nanoTime();
        locks.put(folder, FolderLock.acquire(folder));
        try {
            OrphanedServer.stopIfAny(folder);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setRegisterShutdownHook(Boolean.parseBoolean(System.getProperty(SHUTDOWN_HOOK_PROPERTY, "true")));
            if (durable) {
                // The builder passes -F (no fsync) and synchronous_commit=off; a later -c wins over -F.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres server = builder.start();
            log.info("Embedded PostgreSQL on port %d with its data in %s (started in %d ms)"
                    .formatted(server.getPort(), folder, (System.nanoTime() - started) / 1_000_000));
            return server;
        } catch (IOException | RuntimeException e) {
            release(folder);
            throw e instanceof IOException io
                    ? new UncheckedIOException("Cannot start the embedded PostgreSQL in " + folder, io)
                    : (RuntimeException) e;
        }
    }

    private static void release(Path folder) {
        FolderLock lock = locks.remove(folder);
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Could not release the lock of " + folder + ": " + e.getMessage());
            }
        }
    }

    static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("fleet-test-pg");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
