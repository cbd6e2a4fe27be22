package dev.llmfleet.starter.datasource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which JVM owns an embedded database folder: a lock on {@code <folder>.lock}, held while the
 * server runs. The operating system drops it when its JVM dies however it dies, so a folder whose
 * lock is free has no fleet, whatever processes it left behind. (The lock lies beside the folder:
 * initdb wants an empty folder.)
 */
final class FolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder's lock, or refuses when a running fleet holds it. */
    static FolderLock acquire(Path folder) {
        Path file = folder.resolveSibling(folder.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The embedded PostgreSQL in " + folder
                        + " belongs to a fleet that is running (it holds " + file + "): stop that fleet first");
            }
            return new FolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
