package io.conserver.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.domain.vcon.Party;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartySearchTest {
    @Test
    void termsAreTheGivenOnesInFieldOrder() {
        PartySearch search = new PartySearch(Optional.of("+15551234567"), Optional.of(""), Optional.of("Bob"));

        assertThat(search.terms()).containsExactly(
                java.util.Map.entry("tel", "+15551234567"), java.util.Map.entry("name", "Bob"));
        assertThatThrownBy(() -> new PartySearch(Optional.of(""), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartyIsIndexedByItsNonEmptyTelMailtoAndNameOnly() {
        Party party = Party.builder().tel("+15551234567").mailto("").name("Alice").sip("sip:alice@example.com").build();

        assertThat(PartySearch.indexTerms(party)).containsExactly(
                java.util.Map.entry("tel", "+15551234567"), java.util.Map.entry("name", "Alice"));
        assertThat(PartySearch.indexTerms(Party.builder().sip("sip:x@example.com").build())).isEmpty();
    }
}
