package dev.llmfleet.model.checkpoint;

import dev.llmfleet.model.faults.HoldPoints;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a checkpoint so that a reader sees either all of it or none of it: the files go into a
 * hidden temporary folder beside the target, each is fsynced, the manifest goes last, the folder is
 * renamed onto the target and the parent folder is fsynced so the rename itself survives a crash.
 */
public final class CheckpointWriter {

    /** The prefix of a checkpoint folder still being written; one left behind was cut short by a crash. */
    public static final String TEMP_PREFIX = ".tmp-";

    private CheckpointWriter() {}

    /**
     * Deletes the folders that writes into {@code parent} left half-done when the process died
     * (never a finished checkpoint: those were renamed from their temporary name). Call it only
     * while nothing writes there, at start-up.
     *
     * @return the folders deleted
     */
    public static List<Path> removeLeftovers(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> leftovers;
        try (var children = Files.list(parent)) {
            leftovers = children.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .filter(Files::isDirectory)
                    .toList();
        }
        for (Path leftover : leftovers) {
            deleteQuietly(leftover);
            if (Files.exists(leftover)) {
                throw new IOException("cannot delete the unfinished checkpoint " + leftover);
            }
        }
        return leftovers;
    }

    public static Path write(Path target, List<CheckpointEntry> entries) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "checkpoints are never overwritten");
        }
        Path temp = parent.resolve(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            List<Manifest.FileDigest> digests = new ArrayList<>();
            for (CheckpointEntry entry : entries) {
                digests.add(writeFile(temp.resolve(entry.fileName()), entry.content()));
            }
            String manifest = new Manifest(Manifest.FORMAT, digests).toJson();
            writeFile(temp.resolve(Manifest.FILE_NAME), out -> out.write(manifest.getBytes(StandardCharsets.UTF_8)));
            fsyncDirectory(temp);
            HoldPoints.reached(HoldPoints.CHECKPOINT_WRITE);
            move(temp, target);
            fsyncDirectory(parent);
            return target;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static Manifest.FileDigest writeFile(Path file, CheckpointEntry.Content content) throws IOException {
        var digest = Digests.newDigest();
        long size;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new java.security.DigestOutputStream(Channels.newOutputStream(channel), digest)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
            size = channel.size();
        }
        return new Manifest.FileDigest(
                file.getFileName().toString(), size, HexFormat.of().formatHex(digest.digest()));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the checkpoint folder's file system cannot rename atomically: " + target, e);
        }
    }

    static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is hidden and never read as a checkpoint.
        }
    }
}
