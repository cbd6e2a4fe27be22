package dev.llmfleet.trainer.run;

import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.hf.DecoderConfig;
import dev.llmfleet.model.hf.DecoderLayout;
import dev.llmfleet.model.hf.HfModelFolder;
import dev.llmfleet.model.lora.LoraConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model is, read from its config alone (no weights): what run settings are checked against
 * and what the VRAM estimate is computed from.
 *
 * @param family {@code gpt}, {@code qwen3}, ...
 * @param parameters every weight of the model
 * @param projections each linear projection (full name, e.g. {@code model.layers.0.self_attn.q_proj})
 *     with its input and output width: where LoRA adapters can go
 * @param storedBytesPerParameter how its folder stores the weights (2 for bfloat16)
 */
public record ModelShape(
        String family,
        long parameters,
        int layers,
        int hiddenSize,
        int contextLength,
        Map<String, int[]> projections,
        int storedBytesPerParameter) {

    /** The demo's GPT as {@code config} describes it. */
    public static ModelShape of(GptConfig config) {
        int c = config.hiddenSize();
        Map<String, int[]> projections = new LinkedHashMap<>();
        Map<String, int[]> widths = Map.of(
                "attn.qkv", new int[] {c, 3 * c},
                "attn.proj", new int[] {c, c},
                "mlp.fc", new int[] {c, 4 * c},
                "mlp.proj", new int[] {4 * c, c});
        for (int i = 0; i < config.layers(); i++) {
            for (String projection : GptModel.PROJECTIONS) {
                projections.put("h." + i + "." + projection, widths.get(projection));
            }
        }
        long h = c;
        long perLayer = 4 * h * h + 4 * h + 8 * h * h + 5 * h + 4 * h;
        long parameters =
                (long) config.vocabSize() * h + (long) config.contextLength() * h + config.layers() * perLayer + 2 * h;
        return new ModelShape(config.family(), parameters, config.layers(), c, config.contextLength(), projections, 4);
    }

    /** The model in a version or checkpoint folder: a Hugging Face folder's {@code config.json}, or the demo GPT's. */
    public static ModelShape of(Path folder) {
        if (!HfModelFolder.isHfFolder(folder)) {
            return of(GptConfig.read(folder.resolve(GptConfig.FILE_NAME)));
        }
        DecoderConfig config;
        try {
            config = DecoderConfig.parse(Files.readString(folder.resolve(DecoderConfig.FILE_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config of " + folder, e);
        }
        long parameters = 0;
        Map<String, int[]> projections = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> tensor : DecoderLayout.tensors(config).entrySet()) {
            long[] shape = tensor.getValue();
            long size = 1;
            for (long dimension : shape) {
                size *= dimension;
            }
            parameters += size;
            String name = tensor.getKey();
            if (name.endsWith("_proj.weight")) {
                projections.put(
                        name.substring(0, name.length() - ".weight".length()),
                        new int[] {Math.toIntExact(shape[1]), Math.toIntExact(shape[0])});
            }
        }
        return new ModelShape(
                config.family(),
                parameters,
                config.layers(),
                config.hiddenSize(),
                config.contextLength(),
                projections,
                config.dtype().bytes());
    }

    /** Projection names as LoRA targets name them ({@code self_attn.q_proj}, {@code attn.qkv}), each once. */
    public List<String> targetNames() {
        return LoraConfig.defaults().resolve(List.copyOf(projections.keySet())).targets();
    }

    /** The weights an adapter of {@code lora} adds: {@code rank × (in + out)} per targeted projection. */
    public long adapterParameters(LoraConfig lora) {
        long total = 0;
        for (Map.Entry<String, int[]> projection : projections.entrySet()) {
            if (lora.targets(projection.getKey())) {
                total += (long) lora.rank()
                        * (projection.getValue()[0] + projection.getValue()[1]);
            }
        }
        return total;
    }

    /** The narrowest projection: a LoRA rank beyond it adds nothing a full update would not. */
    public int narrowestProjection() {
        return projections.values().stream()
                .mapToInt(widths -> Math.min(widths[0], widths[1]))
                .min()
                .orElse(hiddenSize);
    }

    /** A name for the scheduler's per-model VRAM correction: family, size and method, e.g. {@code qwen3-596M-lora}. */
    public String modelName(boolean lora) {
        String size = parameters >= 1_000_000_000L
                ? "%.1fB".formatted(parameters / 1e9)
                : parameters >= 1_000_000L ? (parameters / 1_000_000L) + "M" : (parameters / 1_000L) + "K";
        return family + "-" + size + (lora ? "-lora" : "");
    }
}
