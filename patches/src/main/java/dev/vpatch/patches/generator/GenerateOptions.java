package dev.vpatch.patches.generator;

import java.util.List;

/**
 * What the user says about the legitimate input: an explicit shape, benign samples to infer it
 * from, or neither (then the generator decides). {@code negative} forces a class-based patch;
 * {@code optional} allows the parameter to be absent (positive patches otherwise require it exactly once).
 */
public record GenerateOptions(InputShape shape, List<String> samples, boolean negative, boolean optional) {
  public static final GenerateOptions AUTOMATIC = new GenerateOptions(null, List.of(), false, false);

  public GenerateOptions {
    samples = samples == null ? List.of() : List.copyOf(samples);
  }
}
