package dev.llmfleet.model.hf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** The tensors a decoder of a given config has, by their Hugging Face names, with their shapes, in file order. */
public final class DecoderLayout {

    public static final String EMBEDDINGS = "model.embed_tokens.weight";
    public static final String FINAL_NORM = "model.norm.weight";
    public static final String OUTPUT_HEAD = "lm_head.weight";

    private DecoderLayout() {}

    public static SequencedMap<String, long[]> tensors(DecoderConfig c) {
        SequencedMap<String, long[]> shapes = new LinkedHashMap<>();
        long q = (long) c.heads() * c.headDim();
        long kv = (long) c.kvHeads() * c.headDim();
        shapes.put(EMBEDDINGS, new long[] {c.vocabSize(), c.hiddenSize()});
        for (int i = 0; i < c.layers(); i++) {
            String p = layer(i);
            shapes.put(p + "input_layernorm.weight", new long[] {c.hiddenSize()});
            linear(shapes, p + "self_attn.q_proj", q, c.hiddenSize(), c.qkvBias());
            linear(shapes, p + "self_attn.k_proj", kv, c.hiddenSize(), c.qkvBias());
            linear(shapes, p + "self_attn.v_proj", kv, c.hiddenSize(), c.qkvBias());
            linear(shapes, p + "self_attn.o_proj", c.hiddenSize(), q, c.outputBias());
            if (c.qkNorm()) {
                shapes.put(p + "self_attn.q_norm.weight", new long[] {c.headDim()});
                shapes.put(p + "self_attn.k_norm.weight", new long[] {c.headDim()});
            }
            shapes.put(p + "post_attention_layernorm.weight", new long[] {c.hiddenSize()});
            linear(shapes, p + "mlp.gate_proj", c.intermediateSize(), c.hiddenSize(), c.mlpBias());
            linear(shapes, p + "mlp.up_proj", c.intermediateSize(), c.hiddenSize(), c.mlpBias());
            linear(shapes, p + "mlp.down_proj", c.hiddenSize(), c.intermediateSize(), c.mlpBias());
        }
        shapes.put(FINAL_NORM, new long[] {c.hiddenSize()});
        if (!c.tieWordEmbeddings()) {
            shapes.put(OUTPUT_HEAD, new long[] {c.vocabSize(), c.hiddenSize()});
        }
        return shapes;
    }

    /** Names a checkpoint may carry that the model does not use: old RoPE buffers and a tied head saved anyway. */
    public static boolean ignorable(String name, DecoderConfig config) {
        return name.endsWith(".rotary_emb.inv_freq") || (config.tieWordEmbeddings() && name.equals(OUTPUT_HEAD));
    }

    public static String layer(int index) {
        return "model.layers." + index + ".";
    }

    private static void linear(Map<String, long[]> shapes, String prefix, long out, long in, boolean bias) {
        shapes.put(prefix + ".weight", new long[] {out, in});
        if (bias) {
            shapes.put(prefix + ".bias", new long[] {out});
        }
    }
}
