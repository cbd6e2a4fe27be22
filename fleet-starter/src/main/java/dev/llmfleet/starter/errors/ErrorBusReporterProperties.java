package dev.llmfleet.starter.errors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every fleet service reaches the error bus ({@code fleet.errorbus.*}, shared with the
 * error-bus service, which adds its own keys under the same prefix).
 *
 * @param stream the bus's stream: the JetStream stream name, and the {@code stream} column of the
 *     PostgreSQL inbox
 * @param subjectPrefix the first tokens of every subject; events go to
 *     {@code <prefix>.events.<service>.<severity>}, dead letters to {@code <prefix>.deadletter}
 * @param nats the NATS JetStream transport, used when its {@code url} is set
 * @param reporter the reporter's buffering and retries
 */
@Validated
@ConfigurationProperties("fleet.errorbus")
public record ErrorBusReporterProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") @DefaultValue("FLEET_EVENTS")
        String stream,

        @NotBlank @Pattern(regexp = "[a-z0-9_-]+(\\.[a-z0-9_-]+)*") @DefaultValue("fleet.errorbus")
        String subjectPrefix,

        @Valid @NotNull @DefaultValue Nats nats,
        @Valid @NotNull @DefaultValue Reporter reporter) {

    /**
     * @param url the NATS server, e.g. {@code nats://127.0.0.1:4222}; without it the PostgreSQL
     *     transport is used
     * @param duplicateWindow how long JetStream remembers message ids to store a retried publish once
     * @param maxAge how long the stream keeps messages (the error-bus stores them long before)
     * @param ackTimeout how long a publish waits for JetStream's acknowledgements
     * @param connectionTimeout how long a connection attempt may take
     */
    public record Nats(
            URI url,
            @NotNull @DefaultValue("2m") Duration duplicateWindow,
            @NotNull @DefaultValue("7d") Duration maxAge,
            @NotNull @DefaultValue("5s") Duration ackTimeout,
            @NotNull @DefaultValue("2s") Duration connectionTimeout) {

        public boolean enabled() {
            return url != null;
        }
    }

    /**
     * @param enabled whether this service reports to the bus at all
     * @param queueCapacity events held in memory before the dispatcher takes them; beyond it
     *     reports are dropped (and counted)
     * @param batchSize events published in one go
     * @param spoolDir where undelivered events wait on disk; default
     *     {@code <fleet.data-dir>/errorbus-spool/<service>}
     * @param spoolMaxBytes the most the on-disk buffer may hold; beyond it events are dropped (and
     *     counted)
     * @param retryInitial the first wait after a failed publish
     * @param retryMax the longest wait between retries
     */
    public record Reporter(
            @DefaultValue("true") boolean enabled,
            @Min(1) @DefaultValue("20000") int queueCapacity,
            @Min(1) @DefaultValue("500") int batchSize,
            Path spoolDir,
            @Min(1024) @DefaultValue("67108864") long spoolMaxBytes,
            @NotNull @DefaultValue("200ms") Duration retryInitial,
            @NotNull @DefaultValue("10s") Duration retryMax) {}
}
