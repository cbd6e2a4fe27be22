package dev.llmfleet.errorbus;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the error-bus service ({@code fleet.errorbus.*}). Where the bus is (stream, subjects,
 * NATS URL) is shared with every service's reporter: see fleet-starter's
 * {@code ErrorBusReporterProperties}.
 *
 * @param consumer how the stream is consumed
 * @param retention how long stored events and dead letters are kept
 * @param live the Server-Sent Events subscriptions
 * @param query limits of the query API
 */
@Validated
@ConfigurationProperties("fleet.errorbus")
public record ErrorBusProperties(
        @Valid @NotNull @DefaultValue Consumer consumer,
        @Valid @NotNull @DefaultValue Retention retention,
        @Valid @NotNull @DefaultValue Live live,
        @Valid @NotNull @DefaultValue Query query) {

    /**
     * @param durableName the durable consumer's name (JetStream)
     * @param batchSize messages taken and stored in one go
     * @param fetchWait how long one pull waits for messages
     * @param pollInterval how often the PostgreSQL inbox is looked at when it was empty
     * @param ackWait how long a taken message may stay unacknowledged before it is delivered again
     * @param maxDeliveries after this many failed deliveries a message is dead-lettered
     * @param redeliveryDelay how long a message that failed to store waits before its next delivery
     */
    public record Consumer(
            @NotBlank @DefaultValue("error-bus") String durableName,
            @Min(1) @Max(10_000) @DefaultValue("500") int batchSize,
            @NotNull @DefaultValue("500ms") Duration fetchWait,
            @NotNull @DefaultValue("50ms") Duration pollInterval,
            @NotNull @DefaultValue("30s") Duration ackWait,
            @Min(1) @DefaultValue("5") int maxDeliveries,
            @NotNull @DefaultValue("2s") Duration redeliveryDelay) {}

    /**
     * @param maxAge events and dead letters older than this are deleted
     * @param interval how often the retention sweep runs
     * @param batchSize rows deleted per statement
     */
    public record Retention(
            @NotNull @DefaultValue("30d") Duration maxAge,
            @NotNull @DefaultValue("1h") Duration interval,
            @Min(1) @DefaultValue("5000") int batchSize) {}

    /**
     * @param maxSubscribers live subscriptions served at once; beyond it a subscription is refused (429)
     * @param queueCapacity events waiting for one slow subscriber before its newest are dropped
     * @param heartbeat how often an idle subscription gets a comment, so dead clients are noticed
     * @param timeout how long one subscription lasts before the client must reconnect
     */
    public record Live(
            @Min(1) @DefaultValue("200") int maxSubscribers,
            @Min(1) @DefaultValue("1000") int queueCapacity,
            @NotNull @DefaultValue("15s") Duration heartbeat,
            @NotNull @DefaultValue("30m") Duration timeout) {}

    /**
     * @param maxPageSize the largest page a query may ask for
     * @param maxBuckets the most buckets a count over time may ask for
     */
    public record Query(
            @Min(1) @DefaultValue("500") int maxPageSize,
            @Min(1) @DefaultValue("2000") int maxBuckets) {}
}
