package dev.llmfleet.cli;

import static dev.llmfleet.cli.FleetConnection.TRAINER;

import dev.llmfleet.api.inference.ModelVersionsClient;
import dev.llmfleet.api.inference.VersionFile;
import dev.llmfleet.api.inference.VersionManifest;
import dev.llmfleet.api.lifecycle.ImportRequest;
import dev.llmfleet.api.lifecycle.ImportedVersion;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.web.client.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Models in and out of the fleet as Hugging Face folders: {@code versions import} and {@code versions export}. */
final class VersionTransferCommands {

    private VersionTransferCommands() {}

    @Command(
            name = "import",
            description = "Make a Hugging Face model folder on the training host a version (needs fleet:admin). The"
                    + " folder must lie in one of the host's import folders (default ./fleet-data/imports).")
    static final class ImportVersion extends FleetCommand {
        @Parameters(index = "0", paramLabel = "DIR", description = "The model folder: its path on the training host")
        String directory;

        @Option(names = "--description", description = "What the version is")
        String description;

        @Override
        public Integer call() {
            Path local = Path.of(directory);
            // A folder this machine sees is sent as an absolute path; anything else as given, for the host to resolve.
            String path = Files.isDirectory(local)
                    ? local.toAbsolutePath().normalize().toString()
                    : directory;
            ImportedVersion imported = fleet().slowClient(TRAINER, LifecycleClient.class)
                    .importModel(new ImportRequest(path, description));
            Output out = out();
            out.print(imported, () -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("Version", imported.version());
                fields.put("Family", imported.family());
                fields.put("Parameters", String.format("%,d", imported.parameters()));
                fields.put("Dtype", imported.dtype());
                fields.put("Context", imported.contextLength() + " tokens");
                fields.put("Size", Formats.bytes(imported.sizeBytes()));
                fields.put("Manifest", imported.manifestSha256());
                fields.put("Backup", Formats.text(imported.backup()));
                out.fields(fields);
            });
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "export",
            description = "Download a version as a Hugging Face model folder (config, safetensors, tokenizer files),"
                    + " every file checked against its SHA-256, for transformers, vLLM or llama.cpp.")
    static final class ExportVersion extends FleetCommand {
        private static final java.util.regex.Pattern SAFE_NAME =
                java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

        @Parameters(index = "0", paramLabel = "NAME", description = "v001, v002, ..., latest or current")
        String name;

        @Parameters(index = "1", paramLabel = "DIR", description = "An empty or new folder to write the model into")
        Path directory;

        @Override
        public Integer call() {
            requireEmpty(directory);
            VersionManifest manifest =
                    fleet().slowClient(TRAINER, ModelVersionsClient.class).manifest(name);
            List<VersionFile> files = manifest.files().stream()
                    .filter(f -> !f.path().equals("manifest.json"))
                    .toList();
            RestClient trainer = fleet().slowRestClient(TRAINER);
            long bytes = 0;
            for (VersionFile file : files) {
                download(trainer, manifest.version(), file);
                bytes += file.size();
            }
            Output out = out();
            long total = bytes;
            out.print(
                    Map.of(
                            "version",
                            manifest.version(),
                            "directory",
                            directory.toAbsolutePath().toString(),
                            "files",
                            files.stream().map(VersionFile::path).toList()),
                    () -> out.line("Exported %s (%s, %d files, %s) to %s"
                            .formatted(
                                    manifest.version(),
                                    manifest.modelName(),
                                    files.size(),
                                    Formats.bytes(total),
                                    directory.toAbsolutePath())));
            return ExitCodes.OK;
        }

        private void download(RestClient trainer, String version, VersionFile file) {
            if (!SAFE_NAME.matcher(file.path()).matches()) {
                throw new CliException(
                        ExitCodes.FAILURE, "the trainer listed a file that is not a plain name: " + file.path());
            }
            Path target = directory.resolve(file.path());
            Path partial = directory.resolve("." + file.path() + ".partial");
            String actual = trainer.get()
                    .uri(ModelVersionsClient.BASE_PATH + ModelVersionsClient.FILE_PATH, version, file.path())
                    .exchange((request, response) -> {
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw new CliException(
                                    ExitCodes.FAILURE,
                                    "the trainer answered " + response.getStatusCode() + " for " + file.path());
                        }
                        return copy(response.getBody(), partial);
                    });
            if (!actual.equals(file.sha256())) {
                deleteQuietly(partial);
                throw new CliException(
                        ExitCodes.FAILURE,
                        file.path() + " arrived with SHA-256 " + actual + " but the trainer listed " + file.sha256()
                                + "; nothing was kept of it");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        }

        private static String copy(InputStream body, Path partial) throws IOException {
            try (DigestInputStream in = new DigestInputStream(body, MessageDigest.getInstance("SHA-256"));
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
                return HexFormat.of().formatHex(in.getMessageDigest().digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private static void requireEmpty(Path directory) {
            try {
                if (Files.exists(directory)) {
                    if (!Files.isDirectory(directory)) {
                        throw new CliException(ExitCodes.USAGE, directory + " is a file, not a folder");
                    }
                    try (Stream<Path> children = Files.list(directory)) {
                        if (children.findAny().isPresent()) {
                            throw new CliException(
                                    ExitCodes.USAGE, directory + " is not empty; export into a new folder");
                        }
                    }
                }
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + directory, e);
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover partial file is hidden and harmless
            }
        }
    }
}
