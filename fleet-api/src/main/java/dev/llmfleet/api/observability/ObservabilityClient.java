package dev.llmfleet.api.observability;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PutExchange;

/** The observability-hub: fleet health, alerts, anomalies and the run monitor. */
@HttpExchange("/api/observability")
public interface ObservabilityClient {

    @GetExchange("/health/instances")
    List<InstanceHealth> instances();

    @GetExchange("/overview")
    FleetOverview overview();

    @GetExchange("/alerts")
    List<AlertView> alerts();

    @GetExchange("/alerts/notifications")
    List<NotificationRecord> notifications();

    @GetExchange("/anomalies")
    List<Anomaly> anomalies();

    /** A trainer reports a run's progress; the hub notices stalls and completion from these reports. */
    @PutExchange("/runs/{runId}/progress")
    RunView reportProgress(@PathVariable String runId, @RequestBody RunProgress progress);

    @GetExchange("/runs")
    List<RunView> runs();

    @GetExchange("/runs/{runId}")
    RunView run(@PathVariable String runId);

    @GetExchange("/runs/{runId}/points")
    List<RunPoint> points(@PathVariable String runId);
}
