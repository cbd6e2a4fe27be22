package dev.llmfleet.starter.gpu;

import dev.llmfleet.api.scheduler.DeviceInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finds this host's devices: its GPUs through nvidia-smi (NVML), or, when there is none (no
 * driver, no card, the command fails or hangs), the CPU as one device offering a memory budget, so
 * that the fleet runs on CPU-only machines too.
 */
public class DeviceProbe {

    private static final Log log = LogFactory.getLog(DeviceProbe.class);

    private final List<String> command;
    private final Duration timeout;
    private final String host;
    private final long cpuBudgetMb;
    private volatile boolean gpuMissingLogged;

    public DeviceProbe(List<String> command, Duration timeout, String host, long cpuBudgetMb) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.host = host;
        this.cpuBudgetMb = cpuBudgetMb;
    }

    public DeviceProbe(FleetGpuProperties properties, String host) {
        this(
                properties.command(),
                properties.commandTimeout(),
                host,
                properties.cpuMemoryBudget().toMegabytes());
    }

    /** The host's GPUs, or the CPU device when it has none that can be read. */
    public List<DeviceInfo> probe() {
        try {
            List<DeviceInfo> gpus = NvidiaSmiParser.parse(run());
            if (!gpus.isEmpty()) {
                return gpus;
            }
            logOnce("nvidia-smi lists no GPU");
        } catch (IOException | RuntimeException e) {
            logOnce("nvidia-smi cannot be used (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of(cpu());
    }

    /** The CPU as one device: its budget, all free, its current load. */
    public DeviceInfo cpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        Integer utilization = load < 0 ? null : (int) Math.clamp(Math.round(100 * load / cores), 0, 100);
        return new DeviceInfo(
                0, "cpu-" + host, "CPU (" + cores + " cores)", cpuBudgetMb, cpuBudgetMb, utilization, null);
    }

    private String run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly();
            throw new IOException("no answer within " + timeout);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("exit status " + process.exitValue());
        }
        return output;
    }

    private void logOnce(String why) {
        if (!gpuMissingLogged) {
            gpuMissingLogged = true;
            log.info(why + "; reporting the CPU with a " + cpuBudgetMb + " MiB budget instead");
        }
    }
}
