package dev.llmfleet.inference.engine;

/** One generation the engine is asked for. */
public record GenerationRequest(PromptInput prompt, SamplingSettings sampling) {}
