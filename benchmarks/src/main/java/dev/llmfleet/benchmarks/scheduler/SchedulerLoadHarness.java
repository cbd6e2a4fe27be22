package dev.llmfleet.benchmarks.scheduler;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.scheduler.device.DeviceService;
import dev.llmfleet.scheduler.queue.LeaseService;
import dev.llmfleet.scheduler.queue.QueueService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load harness for the resource-scheduler against PostgreSQL on this machine. Prints:
 *
 * <ol>
 *   <li>claims per second: {@value #CLAIM_DEVICES} free devices, as many queued jobs, and
 *       {@code bench.claimThreads} (8) schedulers claiming (each claim is one transaction with
 *       {@code FOR UPDATE SKIP LOCKED}), plus the latency of one claim;
 *   <li>claim-and-complete cycles per second on {@value #CYCLE_DEVICES} devices (a device holds one
 *       job at a time, so each claim waits for the previous job's completion);
 *   <li>submit-to-lease latency (p50/p99) with the real per-device schedulers running: jobs
 *       submitted at {@value #ARRIVALS_PER_SECOND}/s, timed from the submit call until the host's
 *       worker, long-polling, holds the lease.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.scheduler.SchedulerLoadHarness}
 * (after {@code ./mvnw -pl benchmarks -am install -DskipTests}). Uses {@code SPRING_DATASOURCE_URL}
 * when set (a fresh database on that server, dropped at exit), else an embedded PostgreSQL.
 */
public final class SchedulerLoadHarness {

    static final int CLAIM_DEVICES = 3_000;
    static final int CLAIM_THREADS = Integer.getInteger("bench.claimThreads", 8);
    static final int CYCLE_DEVICES = 8;
    static final int CYCLE_JOBS = 2_000;
    static final int LATENCY_DEVICES = 8;
    static final int ARRIVALS_PER_SECOND = 40;
    static final int LATENCY_JOBS = 600;
    static final int DEVICES_PER_HOST = 60;

    private SchedulerLoadHarness() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("fleet.datasource.test-isolation", "true");
        try (ConfigurableApplicationContext scheduler = start(false)) {
            claims(scheduler);
            if (Boolean.getBoolean("bench.claimsOnly")) {
                return;
            }
            cycles(scheduler);
        }
        try (ConfigurableApplicationContext scheduler = start(true)) {
            latency(scheduler);
        }
    }

    private static void claims(ConfigurableApplicationContext context) throws Exception {
        reset(context);
        submit(context, CLAIM_DEVICES);
        // reported after the jobs, as a host's heartbeat would have: a device silent for 30 s is stale
        List<String[]> devices = reportDevices(context, CLAIM_DEVICES);
        LeaseService leases = context.getBean(LeaseService.class);
        long[] claimNanos = new long[CLAIM_DEVICES];
        AtomicInteger claimed = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(CLAIM_THREADS);
                HostHeartbeats heartbeats = new HostHeartbeats(context, CLAIM_DEVICES)) {
            for (int t = 0; t < CLAIM_THREADS; t++) {
                int first = t;
                threads.submit(() -> {
                    for (int d = first; d < CLAIM_DEVICES; d += CLAIM_THREADS) {
                        long before = System.nanoTime();
                        if (leases.claimNext(devices.get(d)[0], devices.get(d)[1])
                                .isPresent()) {
                            claimed.incrementAndGet();
                        }
                        claimNanos[d] = System.nanoTime() - before;
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(claimNanos);
        System.out.printf(
                "claims: %d of %d devices leased in %.2f s = %.0f claims/s (%d threads); one claim p50 %.2f ms, p99 %.2f ms%n",
                claimed.get(),
                CLAIM_DEVICES,
                seconds,
                claimed.get() / seconds,
                CLAIM_THREADS,
                percentile(claimNanos, 0.50),
                percentile(claimNanos, 0.99));
    }

    private static void cycles(ConfigurableApplicationContext context) throws Exception {
        reset(context);
        submit(context, CYCLE_JOBS);
        List<String[]> devices = reportDevices(context, CYCLE_DEVICES);
        LeaseService leases = context.getBean(LeaseService.class);
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(CYCLE_DEVICES);
                HostHeartbeats heartbeats = new HostHeartbeats(context, CYCLE_DEVICES)) {
            for (String[] device : devices) {
                threads.submit(() -> {
                    var next = leases.claimNext(device[0], device[1]);
                    while (next.isPresent()) {
                        leases.complete(next.get().leaseId(), new CompleteJobRequest(null, null));
                        done.incrementAndGet();
                        next = leases.claimNext(device[0], device[1]);
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "cycles: %d jobs claimed and completed on %d devices in %.2f s = %.0f jobs/s%n",
                done.get(), CYCLE_DEVICES, seconds, done.get() / seconds);
    }

    private static void latency(ConfigurableApplicationContext context) throws Exception {
        reset(context);
        List<String[]> devices = reportDevices(context, LATENCY_DEVICES);
        String host = devices.getFirst()[0];
        QueueService queue = context.getBean(QueueService.class);
        LeaseService leases = context.getBean(LeaseService.class);
        Map<UUID, Long> received = new ConcurrentHashMap<>();
        Map<UUID, Long> submitted = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
                HostHeartbeats heartbeats = new HostHeartbeats(context, LATENCY_DEVICES)) {
            for (String[] device : devices) {
                workers.submit(() -> work(leases, host, device[1], received, stop));
            }
            long period = TimeUnit.SECONDS.toNanos(1) / ARRIVALS_PER_SECOND;
            long next = System.nanoTime();
            for (int i = 0; i < LATENCY_JOBS; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                long before = System.nanoTime();
                UUID id = queue.submit(job("latency-" + i)).id();
                submitted.put(id, before);
                next += period;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < LATENCY_JOBS && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            stop.set(true);
        }
        long[] nanos = submitted.entrySet().stream()
                .filter(e -> received.containsKey(e.getKey()))
                .mapToLong(e -> received.get(e.getKey()) - e.getValue())
                .sorted()
                .toArray();
        System.out.printf(
                "submit-to-lease: %d jobs at %d/s over %d devices: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                nanos.length,
                ARRIVALS_PER_SECOND,
                LATENCY_DEVICES,
                percentile(nanos, 0.50),
                percentile(nanos, 0.99),
                nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6);
    }

    /** A worker of one device: long-polls the host's leases, takes its device's, completes them at once. */
    private static void work(
            LeaseService leases, String host, String device, Map<UUID, Long> received, AtomicBoolean stop) {
        while (!stop.get()) {
            try {
                for (Lease lease : leases.pollLeases(host, Duration.ofSeconds(1))) {
                    if (lease.deviceUuid().equals(device)) {
                        received.putIfAbsent(lease.jobId(), System.nanoTime());
                        leases.complete(lease.leaseId(), new CompleteJobRequest(null, null));
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // another device's worker or a race with completion: go on polling
            }
        }
    }

    /** Re-reports the devices every 5 s, as the hosts' reporters do, while a phase runs. */
    private static final class HostHeartbeats implements AutoCloseable {

        private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();

        HostHeartbeats(ConfigurableApplicationContext context, int devices) {
            beats.scheduleWithFixedDelay(() -> reportDevices(context, devices), 5, 5, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            beats.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext start(boolean scheduling) {
        return new SpringApplicationBuilder(ResourceSchedulerApplication.class)
                .main(ResourceSchedulerApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--fleet.registry.enabled=false",
                        "--fleet.security.enabled=false",
                        "--fleet.scheduler.scheduling.enabled=" + scheduling,
                        "--fleet.scheduler.leases.sweep-interval=1h",
                        "--spring.datasource.hikari.maximum-pool-size=16",
                        "--logging.level.root=WARN",
                        "--logging.level.dev.llmfleet=WARN",
                        "--spring.main.banner-mode=off");
    }

    private static void reset(ConfigurableApplicationContext context) {
        context.getBean(JdbcTemplate.class).execute("TRUNCATE job_history, job, device, vram_observation");
    }

    /** Reports {@code count} free 24 GB GPUs, {@value #DEVICES_PER_HOST} per host; returns (host, uuid) pairs. */
    private static List<String[]> reportDevices(ConfigurableApplicationContext context, int count) {
        DeviceService devices = context.getBean(DeviceService.class);
        List<String[]> all = new ArrayList<>();
        for (int first = 0; first < count; first += DEVICES_PER_HOST) {
            String host = "bench-host-" + first / DEVICES_PER_HOST;
            List<DeviceInfo> gpus = IntStream.range(first, Math.min(first + DEVICES_PER_HOST, count))
                    .mapToObj(i -> new DeviceInfo(i % DEVICES_PER_HOST, "GPU-" + i, "bench", 24_564, 24_000, 0, 30))
                    .toList();
            devices.report(host, new DeviceReport(gpus));
            gpus.forEach(gpu -> all.add(new String[] {host, gpu.uuid()}));
        }
        return all;
    }

    private static void submit(ConfigurableApplicationContext context, int jobs) throws InterruptedException {
        QueueService queue = context.getBean(QueueService.class);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < jobs; i++) {
                String payload = "bench-" + i;
                threads.submit(() -> queue.submit(job(payload)));
            }
        }
    }

    private static SubmitJobRequest job(String payload) {
        return SubmitJobRequest.of(JobKind.TRAINING, JobPriority.NORMAL, payload, 8_000, "bench");
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1);
        return sortedNanos[Math.max(index, 0)] / 1e6;
    }
}
