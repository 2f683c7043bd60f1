package dev.vpatch.engine.actions;

/** Creates an action from its value ({@code null} when written without a value). */
@FunctionalInterface
public interface ActionFactory {
  /** @throws IllegalArgumentException with a user-facing reason when the value is invalid */
  Action create(String value);
}
