package dev.llmfleet.model.hf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * BF16 to and from float32 in Java: DJL 0.35's PyTorch binding aborts the process when asked to
 * make or read a BF16 tensor, so BF16 files are widened before they reach the engine and narrowed
 * after they leave it. Narrowing rounds to nearest even, as PyTorch does.
 */
final class Bfloat16 {

    private Bfloat16() {}

    /** Little-endian BF16 values into {@code out} as little-endian float32 (exact), from its start; returns {@code out}. */
    static ByteBuffer widen(ByteBuffer bf16, ByteBuffer out) {
        ShortBuffer in = bf16.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        out.clear().limit(in.remaining() * Float.BYTES);
        FloatBuffer floats = out.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        while (in.hasRemaining()) {
            floats.put(Float.intBitsToFloat((in.get() & 0xFFFF) << 16));
        }
        return out;
    }

    /** Little-endian float32 values to a little-endian BF16 buffer. */
    static ByteBuffer narrow(ByteBuffer f32) {
        FloatBuffer in = f32.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        ByteBuffer out = ByteBuffer.allocateDirect(in.remaining() * Short.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        ShortBuffer shorts = out.asShortBuffer();
        while (in.hasRemaining()) {
            shorts.put(narrow(in.get()));
        }
        return out;
    }

    static short narrow(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (short) ((bits >>> 16) | 0x0040); // stay a NaN, quiet
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }
}
