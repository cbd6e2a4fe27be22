package dev.llmfleet.model.hf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Random weights from a fixed recipe, for test fixtures and benchmarks that need a model of a real
 * shape without shipping its weights. Element {@code i} of tensor {@code name} is decided by the top
 * byte {@code k} of splitmix64 at counter {@code i + 1} keyed by the tensor's name and the seed, so
 * any tensor is made alone, in any order, and a NumPy script makes the same bytes
 * ({@code fleet-model/src/test/python/hf_reference.py}). Every value has at most eight significant
 * bits, so BF16, F16 and F32 hold it exactly:
 * norm weights {@code 1 + (k >> 2) / 128}; other vectors (biases) {@code k / 2048}; matrices
 * {@code k / 128 / 2^e} with {@code e = ceil(log2(in) / 2)}, two more for the token embedding.
 */
public final class SyntheticWeights {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SyntheticWeights() {}

    /** The tensor's values in {@code type}, little-endian, ready for a safetensors file. */
    public static ByteBuffer bytes(String name, long[] shape, TensorType type, long seed) {
        long count = SafetensorsWriter.elements(shape);
        ByteBuffer out =
                ByteBuffer.allocateDirect(Math.toIntExact(count * type.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        long key = fnv1a64(name) ^ seed;
        for (long i = 0; i < count; i++) {
            float value = value(name, shape, code(key, i));
            switch (type) {
                case BF16 -> out.putShort((short) (Float.floatToRawIntBits(value) >>> 16));
                case F16 -> out.putShort(Float.floatToFloat16(value));
                case F32 -> out.putFloat(value);
            }
        }
        return out.flip();
    }

    static float value(String name, long[] shape, int k) {
        if (shape.length == 1) {
            return name.endsWith("norm.weight") ? 1f + (k >> 2) / 128f : k / 128f / 16f;
        }
        // ceil(log2(in) / 2), exactly: the smallest e with 4^e >= in.
        int exponent = 0;
        while (1L << (2 * exponent) < shape[1]) {
            exponent++;
        }
        if (name.endsWith("embed_tokens.weight")) {
            // Small embeddings keep a random tied model from echoing its last input token.
            exponent += 2;
        }
        return k / 128f / (float) Math.pow(2, exponent);
    }

    /** The top byte of splitmix64 at counter {@code index + 1}, as a signed value in [-128, 127]. */
    static int code(long key, long index) {
        long z = key + (index + 1) * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) (z >>> 56) - 128;
    }

    static long fnv1a64(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x100000001B3L;
        }
        return hash;
    }
}
