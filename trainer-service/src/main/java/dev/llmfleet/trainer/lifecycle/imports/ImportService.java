package dev.llmfleet.trainer.lifecycle.imports;

import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.ConsolidationStep;
import dev.llmfleet.api.lifecycle.ImportRequest;
import dev.llmfleet.api.lifecycle.ImportedVersion;
import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.trainer.lifecycle.versions.VersionDraft;
import dev.llmfleet.trainer.lifecycle.versions.VersionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Makes a Hugging Face model folder a version: the folder is checked whole (config, every tensor's
 * shape and dtype, tokenizer files) before anything is written, then its files are copied into a
 * new version beside the fleet's manifest, which is loaded and asked to generate before it is
 * published, after a verified backup of the current model, like every version.
 */
@Service
public class ImportService {

    private final ImportRoots roots;
    private final VersionFactory versions;

    ImportService(ImportRoots roots, VersionFactory versions) {
        this.roots = roots;
        this.versions = versions;
    }

    public ImportedVersion importModel(ImportRequest request, String by) {
        Path folder = roots.resolve(request.path());
        HfModelFolder model = checkedModel(folder, request.path());
        List<CheckpointEntry> entries = model.files().stream()
                .map(file -> new CheckpointEntry(file, out -> Files.copy(folder.resolve(file), out)))
                .toList();
        String description =
                request.description() == null || request.description().isBlank()
                        ? "imported from " + folder
                        : request.description();
        ConsolidationResult result = versions.create(
                VersionFactory.Kind.IMPORT,
                folder.toString(),
                by,
                previous -> new VersionDraft(
                        description,
                        previous.orElse(null),
                        folder.toString(),
                        "import",
                        List.of(),
                        Map.of(),
                        Map.of(),
                        by),
                built -> CheckpointWriter.write(built, entries),
                size(folder, model.files()));
        if (!result.succeeded()) {
            throw result.failedStep() == ConsolidationStep.VERIFY
                    ? InvalidImportException.notAModel(request.path(), result.message())
                    : InvalidImportException.failed(result.failedStep().name().toLowerCase(), result.message());
        }
        return new ImportedVersion(
                result.version().name(),
                model.config().modelType(),
                model.parameterCount(),
                model.config().dtype().configName(),
                model.config().contextLength(),
                result.version().description(),
                result.version().manifestSha256(),
                result.version().sizeBytes(),
                result.backup());
    }

    private HfModelFolder checkedModel(Path folder, String named) {
        if (!HfModelFolder.isHfFolder(folder)) {
            throw InvalidImportException.notAModel(
                    named, "it holds no Hugging Face config.json (with a model_type) to say what model it is");
        }
        HfModelFolder model;
        try {
            model = HfModelFolder.open(folder);
        } catch (ModelFormatException e) {
            throw InvalidImportException.notAModel(named, e.getMessage());
        }
        Path root = roots.rootOf(folder);
        for (String file : model.files()) {
            roots.requireInside(folder.resolve(file), root, named + "/" + file);
        }
        return model;
    }

    private static long size(Path folder, List<String> files) {
        long total = 0;
        try {
            for (String file : files) {
                total += Files.size(folder.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + folder, e);
        }
        return total;
    }
}
