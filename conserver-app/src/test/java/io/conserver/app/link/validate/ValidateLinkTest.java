package io.conserver.app.link.validate;

import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.app.config.ConfigProblem;
import io.conserver.app.link.LinkFailedException;
import io.conserver.app.link.LinkTesting.Run;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Vcon;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidateLinkTest {
    private static final ValidateLinkFactory FACTORY = new ValidateLinkFactory();
    private static final Vcon NOT_A_UUID = vcon("call-1234");
    private static final Vcon CRITICAL = vcon().withCritical("acme_scoring");

    @Test
    void passesAValidVconOnUnchanged() throws Exception {
        Run run = apply(FACTORY, "{}", vcon());

        assertThat(run.outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run.loads()).isEqualTo(1);
    }

    @Test
    void haltsAnInvalidVconListingEachErrorWithItsPath() throws Exception {
        LinkOutcome outcome = apply(FACTORY, "{}", NOT_A_UUID).outcome();

        assertThat(outcome).isInstanceOfSatisfying(LinkOutcome.Halt.class, halt -> assertThat(halt.reason())
                .startsWith("invalid vCon: 1 problem: uuid: error: "));
    }

    @Test
    void lenientModeTakesWhatStrictModeRejects() throws Exception {
        assertThat(apply(FACTORY, "{mode: 'lenient'}", NOT_A_UUID).outcome()).isEqualTo(LinkOutcome.unchanged());
    }

    @Test
    void acceptsCriticalExtensionsItIsToldAbout() throws Exception {
        assertThat(apply(FACTORY, "{}", CRITICAL).outcome()).isInstanceOfSatisfying(LinkOutcome.Halt.class,
                halt -> assertThat(halt.reason()).contains("critical", "acme_scoring"));
        assertThat(apply(FACTORY, "{extensions: ['acme_scoring']}", CRITICAL).outcome())
                .isEqualTo(LinkOutcome.unchanged());
    }

    @Test
    void failsTheLinkWithoutRetriesWhenAskedTo() {
        assertThatThrownBy(() -> apply(FACTORY, "{on_invalid: 'fail'}", NOT_A_UUID))
                .isInstanceOfSatisfying(LinkFailedException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT);
                    assertThat(e.getCause()).isInstanceOfSatisfying(InvalidVconException.class,
                            invalid -> assertThat(invalid.errors()).extracting(p -> p.path()).containsExactly("uuid"));
                })
                .hasMessageStartingWith("vCon call-1234 is invalid: invalid vCon: 1 problem: uuid: error: ");
    }

    @Test
    void hasTypeValidate() {
        assertThat(FACTORY.type()).isEqualTo("validate");
        assertThat(FACTORY.optionsType()).isEqualTo(ValidateLink.Options.class);
    }

    @Test
    void defaultsToStrictHaltingWithNoExtensions() {
        assertThat(bind(FACTORY, null)).isEqualTo(
                new ValidateLink.Options(ValidateLink.Mode.STRICT, Set.of(), ValidateLink.OnInvalid.HALT));
    }

    @Test
    void mapsEveryOption() {
        assertThat(bind(FACTORY, "{mode: 'lenient', extensions: ['a', 'b'], on_invalid: 'fail'}")).isEqualTo(
                new ValidateLink.Options(ValidateLink.Mode.LENIENT, Set.of("a", "b"), ValidateLink.OnInvalid.FAIL));
    }

    @Test
    void rejectsUnknownModesAndBlankExtensions() {
        assertThat(problems(FACTORY, "{mode: 'picky'}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.mode");
            assertThat(p.message()).contains("picky", "strict", "lenient");
        });
        assertThat(problems(FACTORY, "{on_invalid: 'ignore'}")).extracting(ConfigProblem::path)
                .containsExactly("links.x.options.on_invalid");
        assertThat(problems(FACTORY, "{extensions: ['ok', ' ']}"))
                .containsExactly(new ConfigProblem("links.x.options.extensions", "extension names must not be blank"));
    }
}
