package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.ModelJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One {@code .safetensors} file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw data. Only the header is read into the heap;
 * a tensor's bytes are read with positional reads into the caller's buffer, so a multi-gigabyte
 * file never passes through the Java heap.
 */
public final class SafetensorsFile {

    /** The largest header accepted; real headers are a few hundred kilobytes. */
    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private final Path path;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;

    /** Where one tensor lies: its element type, shape and byte range relative to the data section. */
    public record TensorInfo(String name, TensorType type, long[] shape, long begin, long end) {

        public long elements() {
            long count = 1;
            for (long dimension : shape) {
                count *= dimension;
            }
            return count;
        }
    }

    private SafetensorsFile(Path path, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {
        this.path = path;
        this.dataStart = dataStart;
        this.tensors = tensors;
        this.metadata = metadata;
    }

    /** Reads and checks the header; refuses a file whose header, dtypes or byte ranges do not add up. */
    public static SafetensorsFile open(Path path) {
        String file = path.getFileName().toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 8) {
                throw ModelFormatException.of(file + " is too short to be a safetensors file");
            }
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw ModelFormatException.of(file + " has a header length of " + headerLength
                        + " bytes, which does not fit a file of " + size + " bytes");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            while (header.hasRemaining() && channel.read(header, 8 + header.position()) > 0) {
                // read until the header is complete
            }
            JsonNode root = ModelJson.MAPPER.readTree(new String(header.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            return parse(path, root, dataStart, size - dataStart);
        } catch (IOException e) {
            throw ModelFormatException.unreadable(file, e);
        } catch (tools.jackson.core.JacksonException e) {
            throw ModelFormatException.of(file + " has a header that is not JSON: " + e.getOriginalMessage());
        }
    }

    private static SafetensorsFile parse(Path path, JsonNode root, long dataStart, long dataSize) {
        String file = path.getFileName().toString();
        if (!root.isObject()) {
            throw ModelFormatException.of(file + " has a header that is not a JSON object");
        }
        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getKey().equals("__metadata__")) {
                entry.getValue()
                        .properties()
                        .forEach(m -> metadata.put(m.getKey(), m.getValue().asString("")));
                continue;
            }
            TensorInfo info = tensor(entry.getKey(), entry.getValue(), file);
            if (info.end() > dataSize) {
                throw ModelFormatException.tensor(
                        info.name(),
                        "in " + file + " ends at byte " + info.end() + " of a data section of " + dataSize + " bytes");
            }
            tensors.put(info.name(), info);
        }
        checkNoOverlap(tensors, file);
        return new SafetensorsFile(
                path, dataStart, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    }

    private static TensorInfo tensor(String name, JsonNode node, String file) {
        String dtype = node.path("dtype").asString("");
        TensorType type = TensorType.ofSafetensors(dtype)
                .orElseThrow(() -> ModelFormatException.tensor(
                        name, "in " + file + " has dtype '" + dtype + "'; the fleet reads BF16, F16 and F32"));
        JsonNode shapeNode = node.path("shape");
        JsonNode offsets = node.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw ModelFormatException.tensor(name, "in " + file + " lacks a shape or data_offsets");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw ModelFormatException.tensor(name, "in " + file + " has a negative dimension");
            }
        }
        TensorInfo info = new TensorInfo(
                name, type, shape, offsets.get(0).asLong(-1), offsets.get(1).asLong(-1));
        if (info.begin() < 0
                || info.end() < info.begin()
                || info.end() - info.begin() != info.elements() * type.bytes()) {
            throw ModelFormatException.tensor(
                    name,
                    "in " + file + " has data_offsets " + offsets + " that do not hold " + info.elements() + " " + dtype
                            + " values");
        }
        return info;
    }

    private static void checkNoOverlap(Map<String, TensorInfo> tensors, String file) {
        List<TensorInfo> sorted = tensors.values().stream()
                .sorted(Comparator.comparingLong(TensorInfo::begin))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).begin() < sorted.get(i - 1).end()) {
                throw ModelFormatException.tensor(
                        sorted.get(i).name(),
                        "in " + file + " overlaps tensor " + sorted.get(i - 1).name());
            }
        }
    }

    public Path path() {
        return path;
    }

    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads {@code into.remaining()} bytes of tensor {@code name}, starting {@code offset} bytes into
     * it, with positional reads: nothing is mapped, and the file's pages stay in the page cache, not
     * in the process.
     */
    public void read(String name, long offset, ByteBuffer into) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw ModelFormatException.tensor(name, "is not in " + path.getFileName());
        }
        if (offset < 0 || offset + into.remaining() > info.end() - info.begin()) {
            throw new IllegalArgumentException(
                    "bytes " + offset + ".." + (offset + into.remaining()) + " are outside tensor " + name);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = dataStart + info.begin() + offset;
            while (into.hasRemaining()) {
                int read = channel.read(into, position);
                if (read < 0) {
                    throw ModelFormatException.tensor(name, "ends early: " + path.getFileName() + " is truncated");
                }
                position += read;
            }
        } catch (IOException e) {
            throw ModelFormatException.unreadable(path.getFileName().toString(), e);
        }
    }
}
