package dev.llmfleet.observability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of observability-hub ({@code fleet.observability.*}).
 *
 * @param health how the health monitor polls the fleet
 * @param alerts where the alert rules come from and how notifications are throttled
 * @param channels where notifications go besides the console
 * @param anomaly how the anomaly detector learns baselines
 * @param runs how the run monitor watches training runs
 * @param sources how the fleet's metrics are collected from the other services
 */
@Validated
@ConfigurationProperties("fleet.observability")
public record ObservabilityProperties(
        @Valid @NotNull @DefaultValue Health health,
        @Valid @NotNull @DefaultValue Alerts alerts,
        @Valid @NotNull @DefaultValue Channels channels,
        @Valid @NotNull @DefaultValue Anomaly anomaly,
        @Valid @NotNull @DefaultValue Runs runs,
        @Valid @NotNull @DefaultValue Sources sources) {

    /**
     * @param pollInterval how often every registered instance's health is read
     * @param timeout how long one health read may take
     * @param staleAfter an instance not UP for this long is stale
     */
    public record Health(
            @NotNull @DefaultValue("10s") Duration pollInterval,
            @NotNull @DefaultValue("2s") Duration timeout,
            @NotNull @DefaultValue("30s") Duration staleAfter) {}

    /**
     * @param rulesFile the YAML rules file; the rules shipped in the hub apply while it does not exist
     * @param reloadInterval how often the file is checked for changes
     * @param evaluationInterval how often every rule is evaluated
     * @param groupWindow a group of alerts is notified at most once per window
     * @param repeatInterval a firing alert is notified again at most this often
     * @param eventWindow the default window over which event rules count matching events
     * @param sampleMaxAge a metric sample older than this no longer holds a condition true
     * @param deliveryAttempts how often a notification is tried on one channel before it is given up
     */
    public record Alerts(
            @NotNull @DefaultValue("alerts.yaml") Path rulesFile,
            @NotNull @DefaultValue("5s") Duration reloadInterval,
            @NotNull @DefaultValue("1s") Duration evaluationInterval,
            @NotNull @DefaultValue("30s") Duration groupWindow,
            @NotNull @DefaultValue("4h") Duration repeatInterval,
            @NotNull @DefaultValue("5m") Duration eventWindow,
            @NotNull @DefaultValue("2m") Duration sampleMaxAge,
            @Min(1) @DefaultValue("5") int deliveryAttempts) {}

    /**
     * Every channel but the console is off until its address is set, typically by environment
     * variables ({@code FLEET_OBSERVABILITY_CHANNELS_SLACK_WEBHOOK_URL}, ...). E-mail also needs
     * Spring Mail's {@code spring.mail.host}.
     */
    public record Channels(
            @Valid @NotNull @DefaultValue Slack slack,
            @Valid @NotNull @DefaultValue Webhook webhook,
            @Valid @NotNull @DefaultValue Email email,
            @Valid @NotNull @DefaultValue Alertmanager alertmanager,
            @NotNull @DefaultValue("5s") Duration timeout) {

        /** @param webhookUrl the Slack incoming webhook */
        public record Slack(URI webhookUrl) {}

        /** @param url receives every notification as JSON */
        public record Webhook(URI url) {}

        /**
         * @param from the sender
         * @param to the recipients; none turns e-mail off
         */
        public record Email(
                @jakarta.validation.constraints.Email @DefaultValue("llm-fleet@localhost")
                String from,

                @NotNull @DefaultValue List<@jakarta.validation.constraints.Email String> to) {}

        /** @param url Prometheus Alertmanager's base URL; alerts are posted to its {@code /api/v2/alerts} */
        public record Alertmanager(URI url) {}
    }

    /**
     * @param alpha the weight of a new point in the exponentially weighted mean and variance
     * @param deviations a point further than this many standard deviations from the mean is an anomaly
     * @param warmUp points a series needs before deviations are judged
     * @param lossJumpFactor a loss this many times its previous value is flagged at once
     */
    public record Anomaly(
            @DecimalMin("0.001") @DefaultValue("0.1") double alpha,
            @DecimalMin("1.0") @DefaultValue("4.0") double deviations,
            @Min(2) @DefaultValue("20") int warmUp,
            @DecimalMin("1.01") @DefaultValue("2.0") double lossJumpFactor) {}

    /**
     * @param stallAfter a run with no progress for this long is stalled
     * @param checkInterval how often runs are checked for stalls
     * @param archiveDir where finished runs are archived; default {@code <fleet.data-dir>/observability/runs}
     */
    public record Runs(
            @NotNull @DefaultValue("30m") Duration stallAfter,
            @NotNull @DefaultValue("30s") Duration checkInterval,
            Path archiveDir) {}

    /**
     * @param pollInterval how often the scheduler and the error-bus are read
     * @param errorBusFeed whether the hub takes the error-bus's events (its event log, woken by the live stream)
     * @param reconnectDelay how long the feed waits before reconnecting after the stream dropped
     * @param firstStartLookBack a hub that has never read the error-bus alerts only on events younger
     *     than this; from then on its persisted position decides, however long it was away
     */
    public record Sources(
            @NotNull @DefaultValue("15s") Duration pollInterval,
            @DefaultValue("true") boolean errorBusFeed,
            @NotNull @DefaultValue("2s") Duration reconnectDelay,
            @NotNull @DefaultValue("10m") Duration firstStartLookBack) {}
}
