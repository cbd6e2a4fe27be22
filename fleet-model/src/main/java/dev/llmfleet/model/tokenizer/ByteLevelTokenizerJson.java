package dev.llmfleet.model.tokenizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the shipped byte-level {@code tokenizer.json} (Hugging Face format): one token per byte,
 * spelled with GPT-2's printable byte alphabet, plus the special tokens. Without merges every byte
 * is its own token, which is what a tiny model trained on short texts wants; a model that needs a
 * larger vocabulary names its own {@code tokenizer.json}.
 */
public final class ByteLevelTokenizerJson {

    private ByteLevelTokenizerJson() {}

    public static String generate() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "1.0");
        root.put("truncation", null);
        root.put("padding", null);
        root.put("added_tokens", addedTokens());
        root.put("normalizer", null);
        root.put("pre_tokenizer", byteLevel(false));
        root.put("post_processor", null);
        root.put("decoder", byteLevel(true));
        root.put("model", bpeModel());
        return JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(root);
    }

    static List<Map<String, Object>> addedTokens() {
        List<Map<String, Object>> tokens = new ArrayList<>();
        for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("id", 256 + i);
            token.put("content", SpecialTokens.ALL.get(i));
            token.put("single_word", false);
            token.put("lstrip", false);
            token.put("rstrip", false);
            token.put("normalized", false);
            token.put("special", true);
            tokens.add(token);
        }
        return tokens;
    }

    private static Map<String, Object> byteLevel(boolean decoder) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("type", "ByteLevel");
        step.put("add_prefix_space", false);
        step.put("trim_offsets", true);
        step.put("use_regex", !decoder);
        return step;
    }

    private static Map<String, Object> bpeModel() {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        char[] alphabet = byteAlphabet();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(alphabet[b]), b);
        }
        for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
            vocab.put(SpecialTokens.ALL.get(i), 256 + i);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", null);
        model.put("continuing_subword_prefix", null);
        model.put("end_of_word_suffix", null);
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        model.put("vocab", vocab);
        model.put("merges", List.of());
        return model;
    }

    /** GPT-2's bytes-to-unicode table: printable bytes stand for themselves, the rest move above 255. */
    static char[] byteAlphabet() {
        char[] alphabet = new char[256];
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            alphabet[b] = printable ? (char) b : (char) (256 + shifted++);
        }
        return alphabet;
    }
}
