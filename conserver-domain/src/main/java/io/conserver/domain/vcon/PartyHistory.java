package io.conserver.domain.vcon;

import java.time.OffsetDateTime;

/**
 * One event in a dialog's {@code party_history}: a party joined, dropped, held, muted, or pressed a key.
 *
 * @param party  index of the party in the vCon's {@code parties}
 * @param time   when it happened
 * @param event  {@code join drop hold unhold mute unmute keydown keyup}
 * @param button the DTMF digit or label, required for key events
 */
public record PartyHistory(int party, OffsetDateTime time, String event, String button, Extras extras) {
    public PartyHistory {
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static PartyHistory of(int party, OffsetDateTime time, String event) {
        return new PartyHistory(party, time, event, null, Extras.EMPTY);
    }
}
