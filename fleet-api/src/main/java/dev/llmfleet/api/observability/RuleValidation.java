package dev.llmfleet.api.observability;

import java.util.List;

/**
 * The result of checking an alert rules file.
 *
 * @param valid true when the file can be loaded
 * @param rules how many rules it holds when valid
 * @param errors every problem found, each naming its line
 */
public record RuleValidation(boolean valid, int rules, List<String> errors) {

    public RuleValidation {
        errors = List.copyOf(errors);
    }
}
