package dev.llmfleet.api.orchestrator;

import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.trainer.TrainerStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The core-orchestrator's operator API: the digital twin, the pipeline, candidates, decisions and
 * deployments. Reads need {@code fleet:read}, changes {@code fleet:operate}.
 */
@HttpExchange("/api/orchestrator")
public interface OrchestratorClient {

    @GetExchange("/twin")
    FleetTwin twin();

    @GetExchange("/twin/hosts")
    List<TwinHost> hosts();

    @GetExchange("/twin/services")
    List<TwinService> services();

    @GetExchange("/twin/gpus")
    List<DeviceStatus> gpus();

    @GetExchange("/twin/queue")
    QueueStatus queue();

    @GetExchange("/twin/run")
    TrainerStatus run();

    @GetExchange("/twin/models")
    TwinModels models();

    @GetExchange("/twin/drift")
    List<Drift> drift();

    @GetExchange("/pipeline")
    List<PipelineRunView> pipeline();

    @GetExchange("/candidates")
    List<CandidateView> candidates();

    @GetExchange("/candidates/{id}")
    CandidateView candidate(@PathVariable UUID id);

    @PostExchange("/promotions")
    DecisionView promote(@RequestBody PromoteRequest request);

    @GetExchange("/decisions")
    List<DecisionView> decisions();

    @GetExchange("/deployments")
    List<DeploymentView> deployments();

    @PostExchange("/deployments")
    DeploymentView deploy(@RequestBody DeployRequest request);

    @PostExchange("/deployments/rollback")
    DeploymentView rollback(@RequestBody RollbackRequest request);
}
