package dev.vpatch.patches.generator;

/** One negative check: a SecLang operator with its argument, and the transformations it needs. */
public record Detection(String operator, String transformations, String what) {}
