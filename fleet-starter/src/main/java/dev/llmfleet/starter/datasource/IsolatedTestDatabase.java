package dev.llmfleet.starter.datasource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/** A fresh database per test JVM on the server the tests were pointed at, dropped when the JVM ends. */
final class IsolatedTestDatabase {

    private IsolatedTestDatabase() {}

    static String create(String url, String user, String password) {
        String name = "fleet_test_%d_%04d"
                .formatted(
                        System.currentTimeMillis(), ThreadLocalRandom.current().nextInt(10_000));
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
            throw new IllegalStateException("Test isolation needs a jdbc:postgresql:// URL, got " + url);
        }
        int query = url.indexOf('?', slash);
        String serverPart = url.substring(0, slash + 1);
        String params = query < 0 ? "" : url.substring(query);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + url + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(url, user, password, name), "drop-" + name));
        return serverPart + name + params;
    }

    private static void drop(String url, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // The server may already be gone at JVM exit; a leftover test database is harmless.
        }
    }
}
