package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** What a dialog records about each party's participation: {@code session_id} and {@code party_history}. */
final class ValidationPartyHistory {
    private static final Set<String> EVENTS =
            Set.of("join", "drop", "hold", "unhold", "mute", "unmute", "keydown", "keyup");

    private ValidationPartyHistory() {
    }

    static void check(ValidationContext ctx, JsonNode dialog, ValidationPath prefix) {
        JsonNode sessionId = dialog.get("session_id");
        if (present(sessionId)) {
            sessionId(ctx, sessionId, prefix.field("session_id"));
        }
        JsonNode history = dialog.get("party_history");
        if (present(history)) {
            history(ctx, history, prefix.field("party_history"));
        }
    }

    /** One SessionId for every party, or an array mirroring {@code parties} (channels may nest one level). */
    private static void sessionId(ValidationContext ctx, JsonNode v, ValidationPath path) {
        if (!v.isArray()) {
            session(ctx, v, path);
            return;
        }
        for (int k = 0; k < v.size(); k++) {
            JsonNode channel = v.get(k);
            if (channel.isArray()) {
                for (int m = 0; m < channel.size(); m++) {
                    session(ctx, channel.get(m), path.index(k).index(m));
                }
            } else if (!channel.isNull()) {
                session(ctx, channel, path.index(k));
            }
        }
    }

    private static void session(ValidationContext ctx, JsonNode v, ValidationPath path) {
        if (v.isTextual()) {
            ctx.lenientWarning(path, path + " is a plain string, the 0.3.0 shape; since core-01 it is an object "
                    + "{local, remote}");
        } else if (!v.isObject()) {
            ctx.error(path, path + " must be an object {local, remote}, an array of them or {} for a party "
                    + "without one; was " + describe(v));
        } else if (!v.isEmpty()) {
            // RFC 7989: both ends are given, the nil UUID standing for an unknown one.
            end(ctx, v, path, "local");
            end(ctx, v, path, "remote");
        }
    }

    private static void end(ValidationContext ctx, JsonNode session, ValidationPath path, String field) {
        JsonNode v = session.get(field);
        if (v == null || !v.isTextual()) {
            ValidationPath fieldPath = path.field(field);
            ctx.error(fieldPath, fieldPath + " must be a string (use the nil UUID for an unknown end); was "
                    + describe(v));
        }
    }

    private static void history(ValidationContext ctx, JsonNode history, ValidationPath path) {
        if (!history.isArray()) {
            ctx.error(path, path + " must be an array of {party, time, event} objects; was " + describe(history));
            return;
        }
        for (int i = 0; i < history.size(); i++) {
            entry(ctx, history.get(i), path.index(i));
        }
    }

    private static void entry(ValidationContext ctx, JsonNode entry, ValidationPath prefix) {
        if (!entry.isObject()) {
            ctx.error(prefix, prefix + " must be an object {party, time, event}; was " + describe(entry));
            return;
        }
        JsonNode party = entry.get("party");
        if (!ValidationContext.isIndex(party, ctx.partyCount)) {
            ctx.partyIndex(party, prefix.field("party"));
        }
        JsonNode time = entry.get("time");
        if (present(time)) {
            ctx.dateValue(time, prefix, "time");
        } else {
            ValidationPath path = prefix.field("time");
            ctx.error(path, path + " is required");
        }
        event(ctx, entry, prefix);
    }

    private static void event(ValidationContext ctx, JsonNode entry, ValidationPath prefix) {
        JsonNode event = entry.get("event");
        if (event == null || !event.isTextual() || !EVENTS.contains(event.textValue())) {
            ValidationPath path = prefix.field("event");
            ctx.error(path, path + " must be one of join, drop, hold, unhold, mute, unmute, keydown, keyup; was "
                    + describe(event));
            return;
        }
        JsonNode button = entry.get("button");
        boolean keyEvent = event.textValue().startsWith("key");
        if (keyEvent && !present(button) || present(button) && !button.isTextual()) {
            ValidationPath path = prefix.field("button");
            ctx.error(path, path + " must be a string naming the key (a DTMF digit or label) on a "
                    + event.textValue() + " event; was " + describe(button));
        }
    }
}
