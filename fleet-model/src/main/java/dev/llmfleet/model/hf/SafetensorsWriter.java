package dev.llmfleet.model.hf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the safetensors format: the header (padded with spaces to a multiple of 8 bytes, as the
 * reference implementation does) and then each tensor's little-endian bytes in header order. Tensor
 * bytes are asked for one at a time, so at most one tensor is held outside the model at once.
 */
public final class SafetensorsWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A tensor to write: its bytes come from {@code data} when the writer reaches it. */
    public record Tensor(String name, TensorType type, long[] shape, TensorData data) {}

    /** The bytes of one tensor, {@code elements * type.bytes()} of them, little-endian. */
    @FunctionalInterface
    public interface TensorData {
        ByteBuffer bytes();
    }

    private SafetensorsWriter() {}

    public static void write(List<Tensor> tensors, Map<String, String> metadata, OutputStream out) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Tensor tensor : tensors) {
            long length = elements(tensor.shape()) * tensor.type().bytes();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", tensor.type().safetensorsName());
            entry.put("shape", tensor.shape());
            entry.put("data_offsets", List.of(offset, offset + length));
            header.put(tensor.name(), entry);
            offset += length;
        }
        byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(padded).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        out.write(prefix.array());
        WritableByteChannel channel = Channels.newChannel(out);
        for (Tensor tensor : tensors) {
            ByteBuffer bytes = tensor.data().bytes();
            long expected = elements(tensor.shape()) * tensor.type().bytes();
            if (bytes.remaining() != expected) {
                throw new IllegalStateException("tensor " + tensor.name() + " gave " + bytes.remaining()
                        + " bytes, its shape and dtype need " + expected);
            }
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
        out.flush();
    }

    static long elements(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            count *= dimension;
        }
        return count;
    }
}
