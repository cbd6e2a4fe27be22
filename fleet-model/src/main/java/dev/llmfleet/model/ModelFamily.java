package dev.llmfleet.model;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;

/** A family of causal language models; {@code config.json} names the family a checkpoint belongs to. */
public interface ModelFamily {

    String name();

    /** A fresh model with weights drawn from {@code seed}; the model owns a child of {@code parent}. */
    CausalLanguageModel create(GptConfig config, NDManager parent, long seed);

    static ModelFamily forName(String name) {
        if (GptModel.FAMILY.equals(name)) {
            return GptModel.family();
        }
        throw new IllegalArgumentException("unknown model family: " + name);
    }
}
