package dev.llmfleet.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One tiny model version ({@code v1}, seed 1) that the OpenAI test classes share, so they share one context. */
public final class ServedModelContext {

    public static final Path MODELS;
    public static final Path V1;

    static {
        try {
            MODELS = Files.createTempDirectory("inference-served-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        V1 = TestModels.checkpoint(MODELS, "v1", 1);
    }

    private ServedModelContext() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("fleet.inference.model-dir", V1::toString);
        registry.add(
                "fleet.inference.versions-dir",
                () -> MODELS.resolve("downloads").toString());
        registry.add("fleet.registry.enabled", () -> "false");
        registry.add("fleet.security.enabled", () -> "false");
    }
}
