package dev.llmfleet.model.tokenizer;

import dev.llmfleet.model.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The bytes each token id stands for, read from {@code tokenizer.json}: byte-level BPE vocabularies
 * (GPT-2, Qwen, Llama 3) spell bytes with a printable alphabet; SentencePiece-style ones write a
 * space as {@code ▁} and raw bytes as {@code <0xNN>}; added tokens are their own UTF-8 text. A
 * token can hold part of a character, which is why logprobs report bytes beside the text.
 */
final class TokenBytes {

    private final Map<Integer, byte[]> bytesById;

    private TokenBytes(Map<Integer, byte[]> bytesById) {
        this.bytesById = bytesById;
    }

    static TokenBytes read(Path tokenizerJson) {
        try (InputStream in = Files.newInputStream(tokenizerJson)) {
            JsonNode root = ModelJson.MAPPER.readTree(in);
            boolean byteLevel =
                    "ByteLevel".equals(root.path("decoder").path("type").asString(""))
                            || root.path("decoder").toString().contains("\"ByteLevel\"");
            Map<Character, Integer> alphabet = inverseAlphabet();
            Map<Integer, byte[]> bytes = new HashMap<>();
            for (Map.Entry<String, JsonNode> entry :
                    root.path("model").path("vocab").properties()) {
                bytes.put(
                        entry.getValue().asInt(),
                        byteLevel ? fromAlphabet(entry.getKey(), alphabet) : piece(entry.getKey()));
            }
            for (JsonNode added : root.path("added_tokens")) {
                bytes.put(
                        added.path("id").asInt(),
                        added.path("content").asString("").getBytes(StandardCharsets.UTF_8));
            }
            return new TokenBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vocabulary of " + tokenizerJson, e);
        }
    }

    byte[] of(int id) {
        byte[] bytes = bytesById.get(id);
        return bytes == null ? new byte[0] : bytes.clone();
    }

    private static byte[] fromAlphabet(String piece, Map<Character, Integer> alphabet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(piece.length());
        for (char c : piece.toCharArray()) {
            Integer b = alphabet.get(c);
            if (b == null) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] piece(String piece) {
        if (piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException notAByte) {
                // an ordinary piece that happens to look like one
            }
        }
        return piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    private static Map<Character, Integer> inverseAlphabet() {
        char[] alphabet = ByteLevelTokenizerJson.byteAlphabet();
        Map<Character, Integer> inverse = new HashMap<>();
        for (int b = 0; b < alphabet.length; b++) {
            inverse.put(alphabet[b], b);
        }
        return inverse;
    }
}
