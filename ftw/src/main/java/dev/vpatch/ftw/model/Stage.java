package dev.vpatch.ftw.model;

/** One request and its expectations. */
public record Stage(StageInput input, StageOutput output) {}
