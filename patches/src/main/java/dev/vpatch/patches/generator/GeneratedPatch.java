package dev.vpatch.patches.generator;

import dev.vpatch.store.model.PatchModel;
import java.util.List;

/** A generated patch before it is stored: SecLang text, the rule ids it uses, and its go-ftw tests. */
public record GeneratedPatch(PatchModel model, String title, String seclang, List<Long> ruleIds, String testsYaml) {}
