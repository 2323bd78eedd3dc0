package io.conserver.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckOptionRulesTest {
    private final OptionsBinder binder = new OptionsBinder();

    @CheckOptionRules
    record Window(@NotNull Integer lowMark, Integer highMark, String note) implements OptionRules {
        @Override
        public Map<String, String> ruleViolations() {
            Map<String, String> violations = new LinkedHashMap<>();
            if (lowMark != null && highMark != null && highMark < lowMark) {
                violations.put("highMark", "must not be below low_mark (" + lowMark + ")");
            }
            if (note != null && !note.isEmpty()) {
                violations.put("note", "was " + note);
            }
            return violations;
        }
    }

    private InvalidConfigException problems(Window window) {
        return catchThrowableOfType(InvalidConfigException.class, () -> binder.validate("links.w.options", window));
    }

    @Test
    void passesWhenNoRuleIsBroken() {
        binder.validate("links.w.options", new Window(1, 2, null));
    }

    @Test
    void reportsEachViolationAtItsOptionInLowerSnake() {
        assertThat(problems(new Window(5, 2, null)).problems())
                .containsExactly(new ConfigProblem("links.w.options.high_mark", "must not be below low_mark (5)"));
    }

    @Test
    void reportsRulesAlongsideFieldConstraints() {
        assertThat(problems(new Window(null, 2, "x")).problems()).extracting(ConfigProblem::path)
                .containsExactly("links.w.options.low_mark", "links.w.options.note");
    }

    @Test
    void keepsUserTextInMessagesVerbatim() {
        assertThat(problems(new Window(1, 2, "{max} ${1+1} \\d")).problems())
                .containsExactly(new ConfigProblem("links.w.options.note", "was {max} ${1+1} \\d"));
    }

    @Test
    void runsWhenBindingFromConfiguration() {
        assertThatThrownBy(() -> binder.bind("links.w.options",
                JsonNodeFactory.instance.objectNode().put("low_mark", 3).put("high_mark", 1), Window.class))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid configuration: links.w.options.high_mark: must not be below low_mark (3)");
    }
}
