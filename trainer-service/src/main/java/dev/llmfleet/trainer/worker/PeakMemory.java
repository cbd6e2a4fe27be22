package dev.llmfleet.trainer.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The peak memory of a run on a CPU host: the process's peak resident set ({@code VmHWM}), reset
 * when the run starts by writing 5 to {@code /proc/self/clear_refs} (Linux). Where the peak cannot
 * be reset the process's peak so far is reported, an upper bound; where there is no {@code /proc},
 * nothing. The scheduler corrects later estimates of the same model with it.
 */
final class PeakMemory {

    private static final Log log = LogFactory.getLog(PeakMemory.class);
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {}

    static PeakMemory start() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.debug("Cannot reset the peak resident set, the process's peak will be reported: " + e);
        }
        return new PeakMemory();
    }

    /** The peak resident set since {@link #start} in MiB, or null when the platform does not say. */
    Long peakMb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(
                            line.substring("VmHWM:".length()).replace("kB", "").strip());
                    return (kib + 1023) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Cannot read the peak resident set: " + e);
        }
        return null;
    }
}
