package dev.llmfleet.inference.model;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Fetches a model version from the trainer host into {@code versions-dir/<version>}: files go into
 * a hidden partial folder (kept between attempts, so a broken download resumes with a range
 * request), each is checked against the trainer's SHA-256, then the folder is renamed into place
 * and opened as a verified checkpoint. A local copy is used again only while it is the version the
 * trainer lists (same manifest), or when the trainer cannot be asked: a name such as {@code v001}
 * is only unique within one fleet, and folders outlive fleets.
 */
@Component
class VersionDownloader {

    private static final Log log = LogFactory.getLog(VersionDownloader.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final FleetHttpClients clients;
    private final InferenceProperties properties;
    private final Path versionsDir;

    VersionDownloader(FleetHttpClients clients, InferenceProperties properties, FleetStarterProperties fleet) {
        this.clients = clients;
        this.properties = properties;
        this.versionsDir = properties.versionsDir() != null
                ? properties.versionsDir()
                : fleet.dataDir().resolve("inference").resolve("versions");
    }

    /** The folder of a complete, verified copy of {@code version}, downloading what is missing. */
    Path download(String version) {
        requireSafe(version, "version");
        Path target = versionsDir.resolve(version);
        VersionManifest manifest;
        try {
            manifest = clients.client(properties.trainerService(), ModelVersionsClient.class)
                    .manifest(version);
        } catch (RuntimeException trainerUnreachable) {
            if (intact(target, null)) {
                log.warn("The trainer could not be asked about version " + version + " ("
                        + trainerUnreachable.getMessage() + "); using the verified local copy");
                return target;
            }
            throw trainerUnreachable;
        }
        if (intact(target, manifestSha256(manifest))) {
            return target;
        }
        if (Files.exists(target)) {
            log.warn("Local copy of version " + version + " is damaged or another model of that name, downloading"
                    + " it again");
            deleteRecursively(target);
        }
        RestClient files = clients.restClient(properties.trainerService());
        Path partial = versionsDir.resolve(".partial-" + version);
        try {
            Files.createDirectories(partial);
            for (VersionFile file : manifest.files()) {
                requireSafe(file.path(), "file");
                fetch(files, version, file, partial.resolve(file.path()));
            }
            fsync(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            fsync(versionsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store version " + version, e);
        }
        CheckpointReader.open(target);
        return target;
    }

    /** Whether {@code folder} verifies against its manifest, and that manifest is {@code manifestSha256} when given. */
    private static boolean intact(Path folder, String manifestSha256) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try {
            CheckpointReader.open(folder);
            return manifestSha256 == null || manifestSha256.equals(sha256(folder.resolve(Manifest.FILE_NAME)));
        } catch (CheckpointCorruptedException | IOException e) {
            return false;
        }
    }

    private static String manifestSha256(VersionManifest manifest) {
        return manifest.files().stream()
                .filter(f -> f.path().equals(Manifest.FILE_NAME))
                .map(VersionFile::sha256)
                .findFirst()
                .orElse(null);
    }

    private void fetch(RestClient files, String version, VersionFile file, Path destination) throws IOException {
        long have = Files.exists(destination) ? Files.size(destination) : 0;
        if (have > file.size() || (have == file.size() && !file.sha256().equals(sha256(destination)))) {
            Files.delete(destination);
            have = 0;
        }
        if (have < file.size()) {
            long from = have;
            files.get()
                    .uri(ModelVersionsClient.BASE_PATH + ModelVersionsClient.FILE_PATH, version, file.path())
                    .headers(h -> {
                        if (from > 0) {
                            h.set(HttpHeaders.RANGE, "bytes=" + from + "-");
                        }
                    })
                    .exchange((request, response) -> {
                        boolean partialContent = response.getStatusCode().value() == HttpStatus.PARTIAL_CONTENT.value();
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new IOException(
                                    "trainer answered " + response.getStatusCode() + " for " + file.path());
                        }
                        write(response.getBody(), destination, partialContent && from > 0);
                        return null;
                    });
        }
        String actual = sha256(destination);
        if (!actual.equals(file.sha256()) || Files.size(destination) != file.size()) {
            Files.delete(destination);
            throw new CheckpointMismatchException(version, file.path(), file.sha256(), actual);
        }
    }

    private static void write(InputStream body, Path destination, boolean append) throws IOException {
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel channel =
                FileChannel.open(destination, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            body.transferTo(Channels.newOutputStream(channel));
            channel.force(true);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void fsync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void requireSafe(String name, String what) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid " + what + " name: " + name);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A downloaded file whose SHA-256 differs from what the trainer listed. */
    static final class CheckpointMismatchException extends RuntimeException {
        CheckpointMismatchException(String version, String file, String expected, String actual) {
            super("version " + version + ": file " + file + " has SHA-256 " + actual + " but the trainer listed "
                    + expected);
        }
    }
}
