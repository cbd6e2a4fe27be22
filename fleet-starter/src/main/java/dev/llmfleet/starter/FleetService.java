package dev.llmfleet.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a fleet service's application class with its name, default port and database schema.
 *
 * <p>The starter turns these into low-precedence defaults ({@code spring.application.name},
 * {@code server.port}, the Flyway and Hibernate schema) so that each service needs no
 * {@code application.yml} of its own, and several services can share one classpath and one JVM.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FleetService {

    /** The name the service registers under, e.g. {@code resource-scheduler}. */
    String name();

    /** The default HTTP port. */
    int port();

    /** The PostgreSQL schema that holds the service's tables. */
    String schema();

    /** The role of the host it normally runs on: {@code control}, {@code training} or {@code inference}. */
    String hostRole() default "control";

    /**
     * Actuator endpoints this service exposes beyond {@code health}, {@code info} and
     * {@code prometheus}, e.g. {@code circuitbreakers}.
     */
    String[] extraEndpoints() default {};
}
