package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunPoint;
import dev.llmfleet.api.observability.RunView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Archives a finished run: a zip of its logs, status, snapshots and metrics, written atomically
 * (temporary file, fsync, rename, fsync of the folder) and read back entry by entry before it
 * counts (every entry's CRC and size checked against what was written), then a JSON report beside it.
 */
class RunArchiver {

    /** What the trainer's run folder contributes: logs, status and control state, snapshots, metrics. */
    private static final List<String> RUN_FOLDERS = List.of("logs", "snapshots", "control");

    private static final List<String> RUN_FILE_SUFFIXES = List.of(".json", ".jsonl", ".log", ".txt");

    private final Path archiveDir;
    private final JsonMapper json;

    RunArchiver(Path archiveDir, JsonMapper json) {
        this.archiveDir = archiveDir;
        this.json = json;
    }

    Archived archive(RunView run, List<RunPoint> points, Path runDirectory) throws IOException {
        Files.createDirectories(archiveDir);
        Map<String, byte[]> hubFiles = new LinkedHashMap<>();
        hubFiles.put("status.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(run));
        StringBuilder metrics = new StringBuilder();
        for (RunPoint point : points) {
            metrics.append(json.writeValueAsString(point)).append('\n');
        }
        hubFiles.put("metrics.jsonl", metrics.toString().getBytes(StandardCharsets.UTF_8));
        Map<String, Path> runFiles = runFiles(runDirectory);

        Path zip = archiveDir.resolve(run.runId() + ".zip");
        Path temp = Files.createTempFile(archiveDir, run.runId(), ".zip.tmp");
        Map<String, Long> written = new LinkedHashMap<>();
        try {
            try (OutputStream file = Files.newOutputStream(temp);
                    ZipOutputStream out = new ZipOutputStream(file)) {
                for (Map.Entry<String, byte[]> e : hubFiles.entrySet()) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                    written.put(e.getKey(), (long) e.getValue().length);
                }
                for (Map.Entry<String, Path> e : runFiles.entrySet()) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    written.put(e.getKey(), Files.copy(e.getValue(), out));
                    out.closeEntry();
                }
            }
            fsync(temp);
            Files.move(temp, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncFolder(archiveDir);
        } finally {
            Files.deleteIfExists(temp);
        }
        verify(zip, written);
        String sha256 = sha256(zip);
        Path report = archiveDir.resolve(run.runId() + ".report.json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run", run);
        body.put("points", points.size());
        body.put(
                "bestValidationLoss",
                points.stream()
                        .map(RunPoint::validationLoss)
                        .filter(v -> v != null && Double.isFinite(v))
                        .min(Double::compare)
                        .orElse(null));
        body.put(
                "archive",
                Map.of("path", zip.toString(), "sha256", sha256, "bytes", Files.size(zip), "entries", written));
        writeAtomically(report, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body));
        return new Archived(zip, sha256, report, List.copyOf(written.keySet()));
    }

    /** Reads every entry back: a CRC or size mismatch, a missing or unexpected entry fails the archive. */
    static void verify(Path zip, Map<String, Long> expected) throws IOException {
        List<String> seen = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                long size;
                try (InputStream in = file.getInputStream(entry)) {
                    size = in.transferTo(OutputStream.nullOutputStream()); // the stream checks the CRC
                }
                Long want = expected.get(entry.getName());
                if (want == null || want != size) {
                    throw new IOException("Archive %s: entry %s has %d bytes, %s were written"
                            .formatted(zip, entry.getName(), size, want));
                }
                seen.add(entry.getName());
            }
        }
        if (!seen.containsAll(expected.keySet()) || seen.size() != expected.size()) {
            throw new IOException("Archive %s holds %s, not %s".formatted(zip, seen, expected.keySet()));
        }
    }

    private static Map<String, Path> runFiles(Path runDirectory) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (runDirectory == null || !Files.isDirectory(runDirectory)) {
            return files;
        }
        try (Stream<Path> top = Files.list(runDirectory)) {
            for (Path path : top.sorted().toList()) {
                String name = path.getFileName().toString();
                if (Files.isRegularFile(path) && RUN_FILE_SUFFIXES.stream().anyMatch(name::endsWith)) {
                    files.put("run/" + name, path);
                }
            }
        }
        for (String folder : RUN_FOLDERS) {
            Path dir = runDirectory.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(
                                "run/"
                                        + runDirectory
                                                .relativize(path)
                                                .toString()
                                                .replace('\\', '/'),
                                path);
                    }
                }
            }
        }
        return files;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, bytes);
            fsync(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncFolder(target.getParent());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void fsyncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a folder; the rename is still atomic
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Archived(Path zip, String sha256, Path report, List<String> entries) {}
}
