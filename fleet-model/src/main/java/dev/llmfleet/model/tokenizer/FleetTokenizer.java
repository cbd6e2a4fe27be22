package dev.llmfleet.model.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** A Hugging Face {@code tokenizer.json} loaded through DJL, with the ids of the chat template's special tokens. */
public final class FleetTokenizer implements AutoCloseable {

    public static final String FILE_NAME = "tokenizer.json";
    private static final String SHIPPED = "/dev/llmfleet/model/tokenizer/tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final Path source;
    private volatile TokenBytes bytes;

    private FleetTokenizer(HuggingFaceTokenizer tokenizer, Path source) {
        this.tokenizer = tokenizer;
        this.source = source;
    }

    public static FleetTokenizer load(Path tokenizerJson) {
        try {
            // The template adds <|bos|> and friends itself, so the tokenizer must not add its own.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    tokenizerJson, Map.of("addSpecialTokens", "false", "padding", "false", "truncation", "false"));
            return new FleetTokenizer(tokenizer, tokenizerJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + tokenizerJson, e);
        }
    }

    /** Copies the shipped byte-level tokenizer into {@code directory} and loads it from there. */
    public static FleetTokenizer shipped(Path directory) {
        Path target = directory.resolve(FILE_NAME);
        try (InputStream in = FleetTokenizer.class.getResourceAsStream(SHIPPED)) {
            Files.createDirectories(directory);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped tokenizer to " + directory, e);
        }
        return load(target);
    }

    public Path source() {
        return source;
    }

    /** The ids of {@code text}, as it is: no BOS or EOS added (chat templates write their own). */
    public int[] encode(String text) {
        return encode(text, false);
    }

    /** The ids of {@code text}; with {@code addSpecialTokens}, what the tokenizer's post-processor adds (a BOS, say). */
    public int[] encode(String text, boolean addSpecialTokens) {
        return ints(tokenizer.encode(text, addSpecialTokens, false).getIds());
    }

    /**
     * The ids of {@code text} and, for each, the range of characters it came from ({@code [start,
     * end)} pairs), so that spans of the text (an assistant's turn) can be mapped to tokens.
     */
    public Encoded encodeWithOffsets(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        CharSpan[] spans = encoding.getCharTokenSpans();
        int[] starts = new int[spans.length];
        int[] ends = new int[spans.length];
        for (int i = 0; i < spans.length; i++) {
            starts[i] = spans[i] == null ? -1 : spans[i].getStart();
            ends[i] = spans[i] == null ? -1 : spans[i].getEnd();
        }
        return new Encoded(ints(encoding.getIds()), starts, ends);
    }

    /** Token ids with the character range of each; -1 where a token maps to no characters. */
    public record Encoded(int[] ids, int[] starts, int[] ends) {}

    private static int[] ints(long[] ids) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    /** The bytes token {@code id} stands for (read from the vocabulary on first use). */
    public byte[] bytesOf(int id) {
        TokenBytes loaded = bytes;
        if (loaded == null) {
            synchronized (this) {
                if (bytes == null) {
                    bytes = TokenBytes.read(source);
                }
                loaded = bytes;
            }
        }
        return loaded.of(id);
    }

    public String decode(int[] ids) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            wide[i] = ids[i];
        }
        return tokenizer.decode(wide, true);
    }

    public int idOf(String token) {
        long[] ids = tokenizer.encode(token, false, false).getIds();
        if (ids.length != 1) {
            throw new IllegalArgumentException("not a single token in " + source + ": " + token);
        }
        return Math.toIntExact(ids[0]);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
