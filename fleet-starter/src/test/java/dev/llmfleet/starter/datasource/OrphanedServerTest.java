package dev.llmfleet.starter.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet killed with kill -9 leaves its embedded PostgreSQL running on the data folder; the next
 * start in that folder must come up by itself, with the committed rows, and never touch the
 * server of a fleet that is still alive.
 */
class OrphanedServerTest {

    @TempDir
    Path folder;

    /**
     * A fleet in its own JVM: starts the durable server and commits a row, then dies without shutdown
     * hooks ({@code crash}, as kill -9 does) or keeps running until it is stopped ({@code run}).
     */
    public static void main(String[] args) throws Exception {
        String url = EmbeddedDatabase.start(Path.of(args[0]), true);
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            connection.createStatement().execute("CREATE TABLE survivor (name TEXT)");
            connection.createStatement().execute("INSERT INTO survivor VALUES ('committed before the crash')");
        }
        if (args[1].equals("crash")) {
            Runtime.getRuntime().halt(137);
        }
        System.out.println("running");
        Thread.sleep(Long.MAX_VALUE);
    }

    private Process fleet(String mode) throws Exception {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanedServerTest.class.getName(),
                        folder.toString(),
                        mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private long postmaster() throws Exception {
        return Long.parseLong(
                Files.readAllLines(folder.resolve("postmaster.pid")).getFirst().strip());
    }

    @Test
    void aServerLeftByAKilledFleetIsStoppedAndTheFolderStartsAgainWithItsRows() throws Exception {
        Process killed = fleet("crash");
        assertThat(killed.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).isEqualTo(137);
        long orphan = postmaster();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isPresent();

        String url = EmbeddedDatabase.start(folder, true);

        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed before the crash");
            // the fleet's own database forces every commit to disk (the embedded default skips fsync)
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
        } finally {
            EmbeddedDatabase.stopAll();
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void theServerOfAFleetStillRunningIsNeverTouched() throws Exception {
        Process running = fleet("run");
        try {
            // Its logs come first; "running" once its row is committed.
            assertThat(new BufferedReader(new InputStreamReader(running.getInputStream()))
                            .lines()
                            .anyMatch("running"::equals))
                    .isTrue();
            long server = postmaster();

            assertThatThrownBy(() -> EmbeddedDatabase.start(folder, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("belongs to a fleet that is running");
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isPresent();
        } finally {
            running.destroy();
            running.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String setting(Connection connection, String name) throws java.sql.SQLException {
        try (ResultSet value = connection.createStatement().executeQuery("SHOW " + name)) {
            assertThat(value.next()).isTrue();
            return value.getString(1);
        }
    }
}
