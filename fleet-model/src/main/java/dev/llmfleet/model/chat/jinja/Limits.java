package dev.llmfleet.model.chat.jinja;

/** Bounds that keep an untrusted template from exhausting memory, stack or CPU. */
final class Limits {

    /** Characters any rendered text or built string may reach. */
    static final int MAX_OUTPUT_CHARS = 16 * 1024 * 1024;

    /** jinja2's sandbox refuses larger ranges too. */
    static final int MAX_RANGE = 100_000;

    /** Nested macro calls, filter blocks and loops at render time. */
    static final int MAX_CALL_DEPTH = 200;

    /** Loop iterations and macro calls in one render: far above any chat, far below a hang. */
    static final long MAX_STEPS = 10_000_000;

    private Limits() {}

    static void checkSize(long chars) {
        if (chars > MAX_OUTPUT_CHARS) {
            throw new JinjaException("output exceeds the limit of " + MAX_OUTPUT_CHARS + " characters");
        }
    }
}
