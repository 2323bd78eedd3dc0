package io.conserver.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
    @Test
    void aConfiguredTokenMatches() {
        ApiTokens tokens = new ApiTokens(List.of("tok-1", "tok-2"));
        assertThat(tokens.isEmpty()).isFalse();
        assertThat(tokens.matches("tok-1")).isTrue();
        assertThat(tokens.matches("tok-2")).isTrue();
    }

    @Test
    void anythingElseDoesNot() {
        ApiTokens tokens = new ApiTokens(List.of("tok-1"));
        assertThat(tokens.matches("tok-2")).isFalse();
        assertThat(tokens.matches("tok-")).isFalse();
        assertThat(tokens.matches("tok-11")).isFalse();
        assertThat(tokens.matches("TOK-1")).isFalse();
        assertThat(tokens.matches(" tok-1")).isFalse();
        assertThat(tokens.matches("")).isFalse();
        assertThat(tokens.matches(null)).isFalse();
    }

    @Test
    void noTokensOrOnlyBlankOnesAreEmptyAndMatchNothing() {
        ApiTokens none = new ApiTokens(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.matches("")).isFalse();
        assertThat(none.matches("anything")).isFalse();

        ApiTokens blank = new ApiTokens(Arrays.asList("", "  ", null));
        assertThat(blank.isEmpty()).isTrue();
        assertThat(blank.matches("")).isFalse();
        assertThat(blank.matches("  ")).isFalse();
    }
}
