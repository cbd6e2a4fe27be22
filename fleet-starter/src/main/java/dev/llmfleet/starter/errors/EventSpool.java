package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The reporter's bounded on-disk buffer: a folder of segment files, one per spooled batch, each a
 * line of JSON per event, delivered oldest first and deleted once the bus acknowledged them.
 *
 * <p>Segments are written to a temporary file and renamed, so a crash leaves whole segments only;
 * a restarted service delivers what its previous run left. One process owns a folder (a lock file);
 * a second instance of the same service on the host takes the next free sibling folder. Not
 * thread-safe: the dispatcher is its only writer and reader.
 */
public final class EventSpool implements AutoCloseable {

    private static final Log log = LogFactory.getLog(EventSpool.class);
    private static final String SUFFIX = ".seg";
    private static final int MAX_SIBLINGS = 32;

    private record Segment(Path path, long bytes, int events) {}

    private final Path dir;
    private final long maxBytes;
    private final EventCodec codec;
    private final FileChannel lockChannel;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private long bytes;
    private long sequence;

    private EventSpool(Path dir, FileChannel lockChannel, long maxBytes, EventCodec codec) throws IOException {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.maxBytes = maxBytes;
        this.codec = codec;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(SUFFIX)).sorted().toList()) {
                long size = Files.size(file);
                int lines = (int) Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .count();
                segments.add(new Segment(file, size, lines));
                bytes += size;
                events.addAndGet(lines);
                sequence = Math.max(sequence, sequenceOf(file));
            }
        }
        if (!segments.isEmpty()) {
            log.info("%d undelivered events waiting in %s from an earlier run".formatted(events.get(), dir));
        }
    }

    /** Opens (creating it if needed) the spool in {@code dir}, or in a free sibling when another process holds it. */
    public static EventSpool open(Path dir, long maxBytes, EventCodec codec) {
        Path base = dir.toAbsolutePath().normalize();
        for (int i = 1; i <= MAX_SIBLINGS; i++) {
            Path candidate = i == 1 ? base : base.resolveSibling(base.getFileName() + "-" + i);
            try {
                Files.createDirectories(candidate);
                FileChannel channel = FileChannel.open(
                        candidate.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new EventSpool(candidate, channel, maxBytes, codec);
                }
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the error-bus spool in " + candidate, e);
            }
        }
        throw new IllegalStateException("Every error-bus spool folder next to " + base + " is in use");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: another application context of the same service
        }
    }

    /** Writes a batch to disk; false when that would exceed the spool's size (the batch is not kept). */
    public boolean append(List<FleetEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 256);
        for (FleetEvent event : batch) {
            out.writeBytes(codec.encode(event));
            out.write('\n');
        }
        if (bytes + out.size() > maxBytes) {
            return false;
        }
        Path target = dir.resolve("%020d%s".formatted(++sequence, SUFFIX));
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try {
            Files.write(temp, out.toByteArray());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot write to the error-bus spool " + dir + ": " + e.getMessage());
            return false;
        }
        segments.add(new Segment(target, out.size(), batch.size()));
        bytes += out.size();
        events.addAndGet(batch.size());
        return true;
    }

    /** The events of the oldest segment, without removing them; empty when the spool is. */
    public List<FleetEvent> peek() {
        Segment head = segments.peekFirst();
        if (head == null) {
            return List.of();
        }
        List<FleetEvent> batch = new ArrayList<>(head.events());
        try {
            for (String line : Files.readAllLines(head.path(), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    decode(line, batch);
                }
            }
        } catch (IOException e) {
            log.warn("Cannot read the spooled segment " + head.path() + "; it is dropped: " + e.getMessage());
            corrupt.addAndGet(head.events());
        }
        return batch;
    }

    private void decode(String line, List<FleetEvent> batch) {
        try {
            batch.add(codec.decode(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            corrupt.incrementAndGet();
        }
    }

    /** Deletes the oldest segment, after its events were delivered. */
    public void removeHead() {
        Segment head = segments.pollFirst();
        if (head == null) {
            return;
        }
        bytes -= head.bytes();
        events.addAndGet(-head.events());
        try {
            Files.deleteIfExists(head.path());
        } catch (IOException e) {
            log.warn("Cannot delete the delivered segment " + head.path() + ": " + e.getMessage());
        }
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /** Events waiting on disk. */
    public long events() {
        return events.get();
    }

    /** Spooled lines that could not be read back and were dropped. */
    public long corrupt() {
        return corrupt.get();
    }

    public Path directory() {
        return dir;
    }

    private static long sequenceOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            log.debug("Cannot release the spool lock of " + dir + ": " + e.getMessage());
        }
    }
}
