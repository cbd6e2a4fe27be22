package dev.llmfleet.inference.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ForwardInput;
import dev.llmfleet.model.generate.KvCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences decoded together: one forward step feeds every row's newest token against a shared
 * KV cache. Rows have different lengths, so each row is left-padded in the cache and carries its
 * own position and key mask. A newcomer is prefilled alone into its own cache and merged in
 * between steps; finished rows stay (ignored) until the next merge drops them.
 */
final class DecodeBatch implements AutoCloseable {

    private final CausalLanguageModel model;
    private final NDManager manager;
    private final int layers;
    /** KV heads and head width: what a row of the cache holds per position. */
    private final int heads;

    private final int headSize;
    private final int vocab;
    private List<Sequence> rows = List.of();
    private int[] rowLengths = new int[0];
    private KvCache cache;
    private final List<Joiner> joiners = new ArrayList<>();

    private record Joiner(Sequence sequence, KvCache cache) {}

    /** Where a row's keys and values come from when the cache is rebuilt. */
    private record Source(NDArray[][] history, int row, int length, int total) {}

    DecodeBatch(CausalLanguageModel model, NDManager manager) {
        this.model = model;
        this.manager = manager;
        this.layers = model.config().layers();
        this.heads = model.config().kvHeads();
        this.headSize = model.config().headDim();
        this.vocab = model.config().vocabSize();
    }

    int liveRows() {
        int live = 0;
        for (Sequence row : rows) {
            live += row.isFinished() ? 0 : 1;
        }
        return live;
    }

    int size() {
        return rows.size();
    }

    /** Runs the prompt of a newcomer through the model and lets it sample its first token. */
    void prefill(Sequence sequence) {
        int[] prompt = sequence.prompt();
        KvCache own = model.newCache(manager, 1);
        try (NDManager step = manager.newSubManager()) {
            NDArray tokens = step.create(toLongs(prompt), new Shape(1, prompt.length));
            NDArray logits = model.forward(tokens, own);
            float[] last = logits.get(new NDIndex(0, prompt.length - 1)).toFloatArray();
            sequence.accept(last, 0, vocab);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
        if (sequence.isFinished()) {
            own.close();
        } else {
            joiners.add(new Joiner(sequence, own));
        }
    }

    /** Whether the rows should be rebuilt before the next step: newcomers, many finished rows, or no room left. */
    boolean needsMerge(int contextLength) {
        int finished = rows.size() - liveRows();
        return !joiners.isEmpty()
                || (finished > 0 && finished * 2 >= rows.size())
                || (cache != null && cache.length() + 1 > contextLength && finished > 0);
    }

    /** Rebuilds the cache from the live rows and the newcomers, each left-padded to the longest. */
    void merge() {
        List<Sequence> next = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        try (NDManager scratch = manager.newSubManager()) {
            if (cache != null) {
                NDArray[][] history = history(cache, rows.size(), scratch);
                for (int r = 0; r < rows.size(); r++) {
                    if (!rows.get(r).isFinished()) {
                        next.add(rows.get(r));
                        sources.add(new Source(history, r, rowLengths[r], cache.length()));
                    }
                }
            }
            for (Joiner joiner : joiners) {
                next.add(joiner.sequence());
                int length = joiner.cache().length();
                sources.add(new Source(history(joiner.cache(), 1, scratch), 0, length, length));
            }
            KvCache merged = next.isEmpty() ? null : build(sources, scratch);
            closeCaches();
            cache = merged;
        }
        rows = next;
        rowLengths = sources.stream().mapToInt(Source::length).toArray();
    }

    /** One decode step over every row; each live row samples its next token. */
    void step() {
        int batch = rows.size();
        int past = cache.length();
        long[] tokens = new long[batch];
        long[] positions = new long[batch];
        float[] keyMask = new float[batch * (past + 1)];
        for (int r = 0; r < batch; r++) {
            Sequence row = rows.get(r);
            tokens[r] = row.isFinished() ? 0 : row.pendingToken();
            positions[r] = rowLengths[r];
            int padding = past - rowLengths[r];
            for (int k = padding; k <= past; k++) {
                keyMask[r * (past + 1) + k] = 1f;
            }
        }
        float[] logits;
        try (NDManager step = manager.newSubManager()) {
            ForwardInput input = new ForwardInput(
                    step.create(tokens, new Shape(batch, 1)),
                    step.create(positions, new Shape(batch, 1)),
                    step.create(keyMask, new Shape(batch, past + 1)));
            logits = model.forward(input, cache).toFloatArray();
        }
        for (int r = 0; r < batch; r++) {
            rowLengths[r]++;
            if (!rows.get(r).isFinished()) {
                rows.get(r).accept(logits, r * vocab, vocab);
            }
        }
    }

    /** Every unfinished sequence (in the batch or waiting to join), for failing them all at once. */
    List<Sequence> unfinished() {
        List<Sequence> all = new ArrayList<>();
        rows.stream().filter(s -> !s.isFinished()).forEach(all::add);
        joiners.forEach(j -> all.add(j.sequence()));
        return all;
    }

    private KvCache build(List<Source> sources, NDManager scratch) {
        int target = sources.stream().mapToInt(Source::length).max().orElseThrow();
        KvCache merged = model.newCache(manager, sources.size());
        for (int layer = 0; layer < layers; layer++) {
            NDArray keys = stack(sources, layer, 0, target, scratch);
            NDArray values = stack(sources, layer, 1, target, scratch);
            merged.append(layer, keys, values);
        }
        return merged;
    }

    private NDArray stack(List<Source> sources, int layer, int kind, int target, NDManager scratch) {
        NDList rows = new NDList();
        for (Source source : sources) {
            NDArray row = source.history()[layer][kind].get(
                    new NDIndex("{}:{}, :, {}:, :", source.row(), source.row() + 1, source.total() - source.length()));
            if (source.length() < target) {
                NDArray padding =
                        scratch.zeros(new Shape(1, heads, target - source.length(), headSize), row.getDataType());
                row = padding.concat(row, 2);
            }
            rows.add(row);
        }
        return rows.size() == 1 ? rows.singletonOrThrow() : NDArrays.concat(rows, 0);
    }

    /**
     * The keys and values a cache holds. {@link KvCache} only hands its history out from
     * {@code append}, so an empty step is appended to read it.
     */
    private NDArray[][] history(KvCache source, int batch, NDManager scratch) {
        NDArray[][] history = new NDArray[layers][];
        NDArray nothing = scratch.zeros(new Shape(batch, heads, 0, headSize));
        for (int layer = 0; layer < layers; layer++) {
            history[layer] = source.append(layer, nothing, nothing);
        }
        return history;
    }

    private void closeCaches() {
        if (cache != null) {
            cache.close();
            cache = null;
        }
        joiners.forEach(j -> j.cache().close());
        joiners.clear();
    }

    /** Drops every row and cache, e.g. after a failed step. */
    void clear() {
        closeCaches();
        rows = List.of();
        rowLengths = new int[0];
    }

    @Override
    public void close() {
        clear();
    }

    private static long[] toLongs(int[] ids) {
        long[] out = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = ids[i];
        }
        return out;
    }
}
