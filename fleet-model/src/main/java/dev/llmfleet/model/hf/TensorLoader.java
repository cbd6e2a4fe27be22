package dev.llmfleet.model.hf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads safetensors tensors into float32 NDArrays a slab of rows at a time, through two fixed
 * buffers: the file is streamed, never mapped, and neither the heap nor direct memory holds more
 * than one slab, so loading a model costs its float32 weights and little else.
 */
final class TensorLoader {

    /** Elements per slab: 8 Mi float32 values, 32 MiB. */
    private static final int SLAB = 8 << 20;

    private final ByteBuffer raw = ByteBuffer.allocateDirect(SLAB * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer wide =
            ByteBuffer.allocateDirect(SLAB * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);

    /** Tensor {@code name} of {@code file} as float32, in {@code manager}. */
    NDArray load(SafetensorsFile file, String name, NDManager manager) {
        SafetensorsFile.TensorInfo info = file.tensors().get(name);
        long[] shape = info.shape();
        long rows = shape.length == 0 ? 1 : shape[0];
        long rowElements = rows == 0 ? 0 : info.elements() / rows;
        if (rowElements > SLAB) {
            throw new IllegalArgumentException(
                    "tensor " + name + " has rows of " + rowElements + " values, more than a slab of " + SLAB);
        }
        NDArray target = manager.zeros(new Shape(shape), DataType.FLOAT32);
        long rowsPerSlab = Math.max(1, SLAB / Math.max(1, rowElements));
        for (long row = 0; row < rows; row += rowsPerSlab) {
            long count = Math.min(rowsPerSlab, rows - row);
            int bytes = Math.toIntExact(count * rowElements * info.type().bytes());
            raw.clear().limit(bytes);
            file.read(name, row * rowElements * info.type().bytes(), raw);
            raw.flip();
            try (NDManager slab = manager.newSubManager()) {
                long[] slabShape = shape.clone();
                if (slabShape.length > 0) {
                    slabShape[0] = count;
                }
                NDArray values = floats(slab, raw, new Shape(slabShape), info.type());
                if (shape.length == 0 || count == rows) {
                    values.copyTo(target);
                } else {
                    target.set(new NDIndex(row + ":" + (row + count)), values);
                }
            }
        }
        return target;
    }

    /** The slab as float32 values in {@code slab}'s manager (BF16 widened in Java, which DJL cannot do). */
    private NDArray floats(NDManager slab, ByteBuffer bytes, Shape shape, TensorType type) {
        return switch (type) {
            case F32 -> slab.create(bytes, shape, DataType.FLOAT32);
            case F16 -> slab.create(bytes, shape, DataType.FLOAT16).toType(DataType.FLOAT32, false);
            case BF16 -> slab.create(Bfloat16.widen(bytes, wide), shape, DataType.FLOAT32);
        };
    }
}
