package dev.llmfleet.starter.datasource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * An embedded PostgreSQL left running by a fleet whose JVM died (kill -9, the OOM killer): it still
 * holds the data folder, so the next start could not use it. Its {@code postmaster.pid} names it.
 * Only called by the holder of the folder's lock ({@link FolderLock}): a server found then has no
 * fleet, and is shut down (smart, then forced) so that the folder can be started again.
 */
final class OrphanedServer {

    private static final Log log = LogFactory.getLog(OrphanedServer.class);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

    private OrphanedServer() {}

    static void stopIfAny(Path folder) {
        Optional<ProcessHandle> server = serverOf(folder);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        log.warn("An embedded PostgreSQL (pid " + process.pid() + ") left by a fleet that did not stop still"
                + " holds " + folder + "; shutting it down");
        // SIGTERM is PostgreSQL's smart shutdown; its clients died with their JVM, so it ends at once.
        process.destroy();
        try {
            if (!process.onExit()
                    .get(FAST_SHUTDOWN.toSeconds(), TimeUnit.SECONDS)
                    .isAlive()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (Exception e) {
            log.warn("The orphaned PostgreSQL did not stop within " + FAST_SHUTDOWN + "; killing it");
        }
        process.destroyForcibly();
    }

    /** The live postmaster its {@code postmaster.pid} names, when that process is a postgres serving this folder. */
    private static Optional<ProcessHandle> serverOf(Path folder) {
        Path pidFile = folder.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains("postgres"))
                    .filter(p -> p.info().commandLine().orElse("").contains(folder.toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
