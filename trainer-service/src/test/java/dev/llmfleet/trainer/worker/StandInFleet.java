package dev.llmfleet.trainer.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.llmfleet.api.orchestrator.EvaluationClient;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.LeaseHeartbeatResponse;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * One real HTTP server that plays, for the trainer's worker, the registry (it names itself as
 * core-orchestrator and resource-scheduler), the scheduler's lease endpoints and the
 * orchestrator's evaluation endpoints, and records every report it is sent.
 */
final class StandInFleet implements AutoCloseable {

    private static final Pattern INSTANCES = Pattern.compile("/api/registry/services/([^/]+)/instances");
    private static final Pattern LEASE_CALL =
            Pattern.compile("/api/scheduler/leases/([^/]+)/(heartbeat|complete|fail|paused)");
    private static final Pattern EVALUATION = Pattern.compile("/api/orchestrator/evaluations/([^/]+)/(spec|report)");
    private static final Pattern RELEASE = Pattern.compile("/api/scheduler/hosts/([^/]+)/leases/release");
    private static final Pattern JOB = Pattern.compile("/api/scheduler/jobs/([^/]+)");
    private static final Pattern DEVICE = Pattern.compile("(?:^|&)device=([^&]+)");
    private static final Set<String> PLAYED = Set.of("core-orchestrator", "resource-scheduler");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Map<String, BlockingQueue<Lease>> leases = new ConcurrentHashMap<>();
    private final Map<UUID, CountDownLatch> specRequested = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> heldUntil = new ConcurrentHashMap<>();
    final Map<UUID, Boolean> heldSpecReleased = new ConcurrentHashMap<>();
    final Set<String> released = ConcurrentHashMap.newKeySet();
    final Set<String> polledDevices = ConcurrentHashMap.newKeySet();
    volatile boolean polledBeforeRelease;
    final Map<String, JobResponse> submitted = new ConcurrentHashMap<>();
    final Set<UUID> completionsOffered = ConcurrentHashMap.newKeySet();
    final Map<UUID, JobState> jobStates = new ConcurrentHashMap<>();
    volatile boolean refuseCompletions;
    private final Map<UUID, Lease> issued = new ConcurrentHashMap<>();
    private final Map<UUID, EvaluationSpec> specs = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> specFailures = new ConcurrentHashMap<>();
    final Map<UUID, EvaluationReport> reports = new ConcurrentHashMap<>();
    final Map<UUID, CompleteJobRequest> completed = new ConcurrentHashMap<>();
    final Map<UUID, FailJobRequest> failed = new ConcurrentHashMap<>();
    final Map<UUID, AtomicInteger> heartbeats = new ConcurrentHashMap<>();

    private StandInFleet(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static StandInFleet start() {
        try {
            return new StandInFleet(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stand-in fleet", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The orchestrator will answer {@code spec} for its id. */
    void serve(EvaluationSpec spec) {
        specs.put(spec.id(), spec);
    }

    /** The orchestrator will answer every request for this evaluation's spec with {@code status}. */
    void failSpec(UUID evaluation, int status) {
        specFailures.put(evaluation, status);
    }

    /**
     * The orchestrator answers the spec of {@code held} only once the spec of {@code other} was
     * asked for (or after 30 s): the two evaluations then ran at the same time.
     */
    void holdSpecUntilRequested(UUID held, UUID other) {
        heldUntil.put(held, other);
    }

    /** A TRAINING lease of a job the trainer submitted, handed to the next poll of {@code device}. */
    Lease trainingLease(JobResponse submittedJob, int attempt, String device) {
        UUID leaseId = UUID.randomUUID();
        Instant expires = Instant.now().plusSeconds(60);
        JobResponse job = new JobResponse(
                submittedJob.id(),
                JobKind.TRAINING,
                submittedJob.priority(),
                JobState.LEASED,
                0,
                submittedJob.payloadRef(),
                submittedJob.model(),
                submittedJob.requiredVramMb(),
                submittedJob.submittedBy(),
                null,
                null,
                attempt,
                3,
                leaseId,
                "localhost",
                device,
                expires,
                false,
                null,
                null,
                null,
                submittedJob.submittedAt(),
                Instant.now(),
                submittedJob.settings());
        Lease lease = new Lease(leaseId, job.id(), "localhost", device, attempt, expires, 200, job);
        issued.put(leaseId, lease);
        queue(device).add(lease);
        return lease;
    }

    /** An EVALUATION lease for {@code evaluation}, handed to the next poll of device cpu-0. */
    Lease lease(UUID evaluation) {
        return lease(evaluation, "cpu-0");
    }

    /** An EVALUATION lease for {@code evaluation}, handed to the next poll of {@code device}. */
    Lease lease(UUID evaluation, String device) {
        UUID leaseId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(60);
        JobResponse job = new JobResponse(
                jobId,
                JobKind.EVALUATION,
                JobPriority.HIGH,
                JobState.LEASED,
                0,
                EvaluationClient.PAYLOAD_PREFIX + evaluation,
                "gpt-tiny",
                64,
                "core-orchestrator",
                "localhost",
                device,
                1,
                3,
                leaseId,
                "localhost",
                device,
                expires,
                false,
                null,
                null,
                null,
                now,
                now,
                null);
        Lease lease = new Lease(leaseId, jobId, "localhost", device, 1, expires, 200, job);
        issued.put(leaseId, lease);
        queue(device).add(lease);
        return lease;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher m;
            if ((m = INSTANCES.matcher(path)).matches()) {
                respond(exchange, 200, PLAYED.contains(m.group(1)) ? List.of(instance(m.group(1))) : List.of());
            } else if (path.equals("/api/scheduler/jobs") && method.equals("POST")) {
                JobResponse job = submission(json.readValue(exchange.getRequestBody(), SubmitJobRequest.class));
                submitted.put(job.payloadRef(), job);
                respond(exchange, 200, job);
            } else if ((m = JOB.matcher(path)).matches() && method.equals("GET")) {
                UUID id = UUID.fromString(m.group(1));
                JobResponse job = submitted.values().stream()
                        .filter(j -> j.id().equals(id))
                        .findFirst()
                        .orElseThrow();
                respond(exchange, 200, withState(job, jobStates.getOrDefault(id, JobState.QUEUED)));
            } else if ((m = RELEASE.matcher(path)).matches() && method.equals("POST")) {
                released.add(m.group(1));
                respond(exchange, 200, List.of());
            } else if (path.equals("/api/scheduler/leases") && method.equals("GET")) {
                String query = exchange.getRequestURI().getQuery();
                Matcher device = DEVICE.matcher(query == null ? "" : query);
                String polled = device.find() ? device.group(1) : "cpu-0";
                polledDevices.add(polled);
                polledBeforeRelease |= released.isEmpty();
                Lease next = queue(polled).poll(500, TimeUnit.MILLISECONDS);
                respond(exchange, 200, next == null ? List.of() : List.of(next));
            } else if ((m = LEASE_CALL.matcher(path)).matches()) {
                leaseCall(exchange, UUID.fromString(m.group(1)), m.group(2));
            } else if ((m = EVALUATION.matcher(path)).matches()) {
                evaluationCall(exchange, UUID.fromString(m.group(1)), m.group(2));
            } else {
                respond(exchange, 404, Map.of("title", "not played by the stand-in: " + method + " " + path));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void leaseCall(HttpExchange exchange, UUID leaseId, String call) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (call) {
            case "heartbeat" -> {
                heartbeats.computeIfAbsent(leaseId, id -> new AtomicInteger()).incrementAndGet();
                respond(
                        exchange,
                        200,
                        new LeaseHeartbeatResponse(
                                leaseId,
                                null,
                                LeaseAction.CONTINUE,
                                Instant.now().plusSeconds(60)));
            }
            case "complete" -> {
                completionsOffered.add(leaseId);
                if (refuseCompletions) {
                    respond(exchange, 409, Map.of("title", "lease lost", "code", "lease-lost"));
                } else {
                    completed.put(leaseId, json.readValue(body, CompleteJobRequest.class));
                    respond(exchange, 200, issued.get(leaseId).job());
                }
            }
            case "fail" -> {
                failed.put(leaseId, json.readValue(body, FailJobRequest.class));
                respond(exchange, 200, issued.get(leaseId).job());
            }
            default -> respond(exchange, 200, issued.get(leaseId).job());
        }
    }

    private static JobResponse submission(SubmitJobRequest request) {
        Instant now = Instant.now();
        return new JobResponse(
                UUID.randomUUID(),
                request.kind(),
                request.priority(),
                JobState.QUEUED,
                0,
                request.payloadRef(),
                request.model(),
                64,
                request.submittedBy(),
                request.host(),
                request.deviceUuid(),
                0,
                3,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                now,
                now,
                request.settings());
    }

    private static JobResponse withState(JobResponse job, JobState state) {
        return new JobResponse(
                job.id(),
                job.kind(),
                job.priority(),
                state,
                job.queuePosition(),
                job.payloadRef(),
                job.model(),
                job.requiredVramMb(),
                job.submittedBy(),
                job.host(),
                job.deviceUuid(),
                job.attempts(),
                job.maxAttempts(),
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                job.submittedAt(),
                job.updatedAt(),
                job.settings());
    }

    private BlockingQueue<Lease> queue(String device) {
        return leases.computeIfAbsent(device, d -> new LinkedBlockingQueue<>());
    }

    private void evaluationCall(HttpExchange exchange, UUID evaluation, String call)
            throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (call.equals("spec")) {
            specRequested
                    .computeIfAbsent(evaluation, e -> new CountDownLatch(1))
                    .countDown();
            UUID other = heldUntil.get(evaluation);
            if (other != null) {
                heldSpecReleased.put(
                        evaluation,
                        specRequested
                                .computeIfAbsent(other, e -> new CountDownLatch(1))
                                .await(30, TimeUnit.SECONDS));
            }
        }
        Integer failure = specFailures.get(evaluation);
        if (call.equals("report")) {
            reports.put(evaluation, json.readValue(body, EvaluationReport.class));
            exchange.sendResponseHeaders(204, -1);
        } else if (failure != null) {
            respond(exchange, failure, Map.of("title", "the stand-in orchestrator is failing"));
        } else if (specs.containsKey(evaluation)) {
            respond(exchange, 200, specs.get(evaluation));
        } else {
            respond(exchange, 404, Map.of("title", "no evaluation " + evaluation));
        }
    }

    private ServiceInstance instance(String service) {
        return new ServiceInstance(
                service,
                service + "-stand-in",
                "127.0.0.1",
                server.getAddress().getPort(),
                "http",
                "control",
                Map.of(),
                InstanceStatus.UP,
                Instant.now(),
                Instant.now(),
                List.of());
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
