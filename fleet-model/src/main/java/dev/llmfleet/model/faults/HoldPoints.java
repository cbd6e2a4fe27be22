package dev.llmfleet.model.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Named places where a crash test wants the process to die. When the system property
 * {@value #HOLD_AT} lists the place a thread reaches (comma-separated), that thread writes
 * {@code <point>.held} into the folder {@value #MARKER_DIR} names and waits there for good: the test
 * sees the marker and kills the process with SIGKILL at exactly that place. Without the property (in
 * production) {@link #reached} returns at once.
 */
public final class HoldPoints {

    /** The system property listing the points to hold at. */
    public static final String HOLD_AT = "fleet.faults.hold-at";

    /** The system property naming the folder the markers go to (the working folder when unset). */
    public static final String MARKER_DIR = "fleet.faults.marker-dir";

    /** A checkpoint's files are written and fsynced in its temporary folder, not yet renamed. */
    public static final String CHECKPOINT_WRITE = "checkpoint-write";

    /** An evaluation has answered its first question and not yet reported. */
    public static final String EVALUATION = "evaluation";

    /** A consolidation built and verified the new version, not yet published. */
    public static final String CONSOLIDATION = "consolidation";

    private HoldPoints() {}

    public static void reached(String point) {
        String holdAt = System.getProperty(HOLD_AT);
        if (holdAt == null || !Arrays.asList(holdAt.split(",")).contains(point)) {
            return;
        }
        Path marker = Path.of(System.getProperty(MARKER_DIR, ".")).resolve(point + ".held");
        try {
            Files.writeString(marker, ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (true) {
            LockSupport.park(); // until the test's kill -9; nothing else wakes this thread for good
        }
    }
}
