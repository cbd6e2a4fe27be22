package dev.llmfleet.security.bootstrap;

import dev.llmfleet.api.security.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes credentials as properties lines ({@code client_id=...}, {@code client_secret=...}) to a
 * file only its owner can read: created owner-only from the start (never world-readable for an
 * instant), written to a temporary file and moved into place.
 */
final class CredentialsFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private CredentialsFile() {}

    static void write(Path file, ClientCredentials credentials) {
        String content = "client_id=" + credentials.clientId() + "\nclient_secret=" + credentials.clientSecret() + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path temp = posix
                    ? Files.createTempFile(
                            dir, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".credentials", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (posix) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write credentials to " + file, e);
        }
    }
}
