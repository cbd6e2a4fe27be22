package dev.llmfleet.benchmarks.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM watched from outside: its peak resident set as Linux reports it, seen even when the
 * child dies, and a forced stop when the host's available memory falls under a floor, so that a run
 * too big for the host ends here rather than through the kernel's OOM killer, which may pick
 * another process on a shared machine.
 */
final class ChildJvm {

    /**
     * @param peakRssKib the child's {@code VmHWM} when last seen, in KiB
     * @param stoppedForMemory whether it was stopped because the host ran short of memory
     */
    record Outcome(int exitCode, long peakRssKib, boolean stoppedForMemory, double seconds) {}

    private ChildJvm() {}

    static Outcome run(List<String> command, long minAvailableKib) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        boolean stopped = false;
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            peak = Math.max(peak, kib(status, "VmHWM:"));
            long available = kib(Path.of("/proc/meminfo"), "MemAvailable:");
            if (!stopped && available >= 0 && available < minAvailableKib) {
                stopped = true;
                process.destroyForcibly();
            }
        }
        return new Outcome(process.exitValue(), peak, stopped, (System.nanoTime() - started) / 1e9);
    }

    /** The KiB a {@code /proc} file gives on its line {@code key}; -1 when it cannot be read (the child is gone). */
    private static long kib(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
