package dev.llmfleet.starter.datasource;

/**
 * PostgreSQL in a container, used by tests when a Docker engine answers and no URL was given.
 * Only touched when Testcontainers is on the classpath.
 */
final class TestcontainersDatabase {

    record Connection(String url, String user, String password) {}

    private static volatile Connection shared;

    private TestcontainersDatabase() {}

    static boolean available() {
        if (!FleetDatabases.testcontainersOnClasspath()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized Connection shared() {
        if (shared == null) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            shared = new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return shared;
    }
}
