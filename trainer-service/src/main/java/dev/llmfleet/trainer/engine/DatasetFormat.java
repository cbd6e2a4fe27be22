package dev.llmfleet.trainer.engine;

/** The dataset specs the engine reads, one JSON object per line. */
public enum DatasetFormat {
    /** {@code {"messages": [{"role": "user", "content": "..."}, ...]}}; assistant turns are learned. */
    CHAT_SFT_V1("chat_sft_v1"),
    /** {@code {"prompt": "...", "completion": "..."}}; the completion is learned. */
    COMPLETION_V1("completion_v1");

    private final String specName;

    DatasetFormat(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static DatasetFormat fromSpecName(String name) {
        for (DatasetFormat format : values()) {
            if (format.specName.equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown dataset spec: " + name);
    }
}
