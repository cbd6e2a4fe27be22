package dev.llmfleet.model.tokenizer;

import java.util.List;

/** The special tokens the chat template needs; the shipped tokenizer places them right after the 256 bytes. */
public final class SpecialTokens {

    public static final String BOS = "<|bos|>";
    public static final String EOS = "<|eos|>";
    public static final String PAD = "<|pad|>";
    public static final String SYSTEM = "<|system|>";
    public static final String USER = "<|user|>";
    public static final String ASSISTANT = "<|assistant|>";
    public static final String END = "<|end|>";

    public static final List<String> ALL = List.of(BOS, EOS, PAD, SYSTEM, USER, ASSISTANT, END);

    private SpecialTokens() {}
}
