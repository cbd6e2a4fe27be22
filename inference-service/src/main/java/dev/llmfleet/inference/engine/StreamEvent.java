package dev.llmfleet.inference.engine;

/** What a running generation reports, in order: text deltas, then exactly one {@link Done} or {@link Failed}. */
public sealed interface StreamEvent {

    record Delta(String text) implements StreamEvent {}

    record Done(GenerationResult result) implements StreamEvent {}

    record Failed(RuntimeException error) implements StreamEvent {}
}
