package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.FieldName.*;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Streams the model as current-form JSON: known fields in the draft's order, then the extras in
 * their original order. Extras whose name a known field already wrote are skipped, so a caller who
 * set both can never produce a document with duplicate keys.
 */
final class TreeWriter {
    private final JsonGenerator g;
    private final JsonStrings strings;
    /** One buffer per document for the dates, which would otherwise each build a String to copy. */
    private final byte[] date = new byte[Rfc3339.MAX_CHARS];

    TreeWriter(JsonGenerator g) {
        this.g = g;
        this.strings = new JsonStrings(g);
    }

    void vcon(Vcon v) throws IOException {
        g.writeStartObject();
        g.writeFieldName(VCON.json);
        g.writeString(Vcon.VERSION);
        str(UUID, v.uuid());
        date(CREATED_AT, v.createdAt());
        date(UPDATED_AT, v.updatedAt());
        str(SUBJECT, v.subject());
        strings(EXTENSIONS, v.extensions());
        strings(CRITICAL, v.critical());
        if (v.redacted() != null) {
            g.writeFieldName(REDACTED.json);
            redacted(v.redacted());
        }
        if (v.amended() != null) {
            g.writeFieldName(AMENDED.json);
            amended(v.amended());
        }
        array(PARTIES);
        for (Party p : v.parties()) {
            party(p);
        }
        g.writeEndArray();
        array(DIALOG);
        for (Dialog d : v.dialog()) {
            dialog(d);
        }
        g.writeEndArray();
        array(ANALYSIS);
        for (Analysis a : v.analysis()) {
            analysis(a);
        }
        g.writeEndArray();
        array(ATTACHMENTS);
        for (Attachment a : v.attachments()) {
            attachment(a);
        }
        g.writeEndArray();
        extras(v.extras(), name -> switch (name) {
            case "vcon", "parties", "dialog", "analysis", "attachments" -> true;
            case "uuid" -> v.uuid() != null;
            case "created_at" -> v.createdAt() != null;
            case "updated_at" -> v.updatedAt() != null;
            case "subject" -> v.subject() != null;
            case "extensions" -> !v.extensions().isEmpty();
            case "critical" -> !v.critical().isEmpty();
            case "redacted" -> v.redacted() != null;
            case "amended" -> v.amended() != null;
            default -> false;
        });
        g.writeEndObject();
    }

    private void party(Party p) throws IOException {
        g.writeStartObject();
        str(TEL, p.tel());
        str(SIP, p.sip());
        str(STIR, p.stir());
        str(MAILTO, p.mailto());
        str(NAME, p.name());
        str(DID, p.did());
        str(VALIDATION, p.validation());
        str(GMLPOS, p.gmlpos());
        if (p.civicaddress() != null) {
            g.writeFieldName(CIVICADDRESS.json);
            civic(p.civicaddress());
        }
        str(UUID, p.uuid());
        str(TYPE, p.type());
        str(ORG, p.org());
        str(DEPT, p.dept());
        extras(p.extras(), name -> switch (name) {
            case "tel" -> p.tel() != null;
            case "sip" -> p.sip() != null;
            case "stir" -> p.stir() != null;
            case "mailto" -> p.mailto() != null;
            case "name" -> p.name() != null;
            case "did" -> p.did() != null;
            case "validation" -> p.validation() != null;
            case "gmlpos" -> p.gmlpos() != null;
            case "civicaddress" -> p.civicaddress() != null;
            case "uuid" -> p.uuid() != null;
            case "type" -> p.type() != null;
            case "org" -> p.org() != null;
            case "dept" -> p.dept() != null;
            default -> false;
        });
        g.writeEndObject();
    }

    private void civic(CivicAddress c) throws IOException {
        g.writeStartObject();
        String[] values = {c.country(), c.a1(), c.a2(), c.a3(), c.a4(), c.a5(), c.a6(), c.prd(), c.pod(), c.sts(),
            c.hno(), c.hns(), c.lmk(), c.loc(), c.flr(), c.nam(), c.pc()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                g.writeFieldName(TreeReader.Names.CIVIC.get(i));
                strings.write(values[i]);
            }
        }
        extras(c.extras(), name -> {
            int i = TreeReader.Names.CIVIC.indexOf(name);
            return i >= 0 && values[i] != null;
        });
        g.writeEndObject();
    }

    private void dialog(Dialog d) throws IOException {
        g.writeStartObject();
        str(TYPE, d.type());
        date(START, d.start());
        if (d.duration() != null) {
            number(DURATION, d.duration());
        }
        if (!d.parties().isEmpty()) {
            g.writeFieldName(PARTIES.json);
            dialogParties(d.parties());
        }
        index(ORIGINATOR, d.originator());
        str(MEDIATYPE, d.mediatype());
        str(FILENAME, d.filename());
        content(d.content());
        str(DISPOSITION, d.disposition());
        if (d.sessionId() != null) {
            g.writeFieldName(SESSION_ID.json);
            sessionIds(d.sessionId());
        }
        if (!d.partyHistory().isEmpty()) {
            array(PARTY_HISTORY);
            for (PartyHistory h : d.partyHistory()) {
                history(h);
            }
            g.writeEndArray();
        }
        index(TRANSFEREE, d.transferee());
        index(TRANSFEROR, d.transferor());
        indexes(TRANSFER_TARGET, d.transferTarget());
        indexes(ORIGINAL, d.original());
        indexes(CONSULTATION, d.consultation());
        indexes(TARGET_DIALOG, d.targetDialog());
        if (!d.recordings().isEmpty()) {
            array(RECORDINGS);
            for (int i : d.recordings()) {
                g.writeNumber(i);
            }
            g.writeEndArray();
        }
        index(RECORDING_SET, d.recordingSet());
        str(APPLICATION, d.application());
        str(MESSAGE_ID, d.messageId());
        extras(d.extras(), name -> switch (name) {
            case "type" -> d.type() != null;
            case "start" -> d.start() != null;
            case "duration" -> d.duration() != null;
            case "parties" -> !d.parties().isEmpty();
            case "originator" -> d.originator() != null;
            case "mediatype" -> d.mediatype() != null;
            case "filename" -> d.filename() != null;
            case "disposition" -> d.disposition() != null;
            case "session_id" -> d.sessionId() != null;
            case "party_history" -> !d.partyHistory().isEmpty();
            case "transferee" -> d.transferee() != null;
            case "transferor" -> d.transferor() != null;
            case "transfer_target" -> !d.transferTarget().isEmpty();
            case "original" -> !d.original().isEmpty();
            case "consultation" -> !d.consultation().isEmpty();
            case "target_dialog" -> !d.targetDialog().isEmpty();
            case "recordings" -> !d.recordings().isEmpty();
            case "recording_set" -> d.recordingSet() != null;
            case "application" -> d.application() != null;
            case "message_id" -> d.messageId() != null;
            default -> contentWrote(d.content(), name);
        });
        g.writeEndObject();
    }

    private void dialogParties(DialogParties p) throws IOException {
        if (p.scalar()) {
            g.writeNumber(p.channels().get(0).indexes().get(0));
            return;
        }
        g.writeStartArray();
        for (DialogParties.Channel c : p.channels()) {
            if (c.mixed()) {
                g.writeStartArray();
                for (int i : c.indexes()) {
                    g.writeNumber(i);
                }
                g.writeEndArray();
            } else if (c.indexes().isEmpty()) {
                g.writeNull();
            } else {
                g.writeNumber(c.indexes().get(0));
            }
        }
        g.writeEndArray();
    }

    private void sessionIds(SessionIds ids) throws IOException {
        if (ids.single() != null) {
            sessionId(ids.single());
            return;
        }
        g.writeStartArray();
        for (List<SessionId> channel : ids.channels()) {
            if (channel.size() == 1) {
                sessionId(channel.get(0));
            } else {
                g.writeStartArray();
                for (SessionId id : channel) {
                    sessionId(id);
                }
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    private void sessionId(SessionId id) throws IOException {
        g.writeStartObject();
        str(LOCAL, id.local());
        str(REMOTE, id.remote());
        extras(id.extras(), name -> "local".equals(name) && id.local() != null
                || "remote".equals(name) && id.remote() != null);
        g.writeEndObject();
    }

    private void history(PartyHistory h) throws IOException {
        g.writeStartObject();
        number(PARTY, h.party());
        date(TIME, h.time());
        str(EVENT, h.event());
        str(BUTTON, h.button());
        extras(h.extras(), name -> "party".equals(name) || "time".equals(name) && h.time() != null
                || "event".equals(name) && h.event() != null || "button".equals(name) && h.button() != null);
        g.writeEndObject();
    }

    private void attachment(Attachment a) throws IOException {
        g.writeStartObject();
        str(PURPOSE, a.purpose());
        date(START, a.start());
        index(PARTY, a.party());
        index(DIALOG, a.dialog());
        str(MEDIATYPE, a.mediatype());
        str(FILENAME, a.filename());
        content(a.content());
        extras(a.extras(), name -> switch (name) {
            case "purpose" -> a.purpose() != null;
            case "start" -> a.start() != null;
            case "party" -> a.party() != null;
            case "dialog" -> a.dialog() != null;
            case "mediatype" -> a.mediatype() != null;
            case "filename" -> a.filename() != null;
            default -> contentWrote(a.content(), name);
        });
        g.writeEndObject();
    }

    private void analysis(Analysis a) throws IOException {
        g.writeStartObject();
        str(TYPE, a.type());
        indexes(DIALOG, a.dialog());
        indexes(ATTACHMENT, a.attachment());
        str(MEDIATYPE, a.mediatype());
        str(FILENAME, a.filename());
        str(VENDOR, a.vendor());
        str(PRODUCT, a.product());
        str(SCHEMA, a.schema());
        content(a.content());
        extras(a.extras(), name -> switch (name) {
            case "type" -> a.type() != null;
            case "dialog" -> !a.dialog().isEmpty();
            case "attachment" -> !a.attachment().isEmpty();
            case "mediatype" -> a.mediatype() != null;
            case "filename" -> a.filename() != null;
            case "vendor" -> a.vendor() != null;
            case "product" -> a.product() != null;
            case "schema" -> a.schema() != null;
            default -> contentWrote(a.content(), name);
        });
        g.writeEndObject();
    }

    private void redacted(Redacted r) throws IOException {
        g.writeStartObject();
        str(UUID, r.uuid());
        str(TYPE, r.type());
        str(URL, r.url());
        hashes(r.contentHash());
        extras(r.extras(), name -> "uuid".equals(name) && r.uuid() != null || "type".equals(name) && r.type() != null
                || "url".equals(name) && r.url() != null || "content_hash".equals(name) && !r.contentHash().isEmpty());
        g.writeEndObject();
    }

    private void amended(Amended a) throws IOException {
        g.writeStartObject();
        str(UUID, a.uuid());
        str(URL, a.url());
        hashes(a.contentHash());
        extras(a.extras(), name -> "uuid".equals(name) && a.uuid() != null || "url".equals(name) && a.url() != null
                || "content_hash".equals(name) && !a.contentHash().isEmpty());
        g.writeEndObject();
    }

    private void content(Content c) throws IOException {
        if (c.rawBody() != null) {
            g.writeFieldName(BODY.json);
            NodeWriter.write(g, strings, c.rawBody());
        }
        str(ENCODING, c.encoding());
        str(URL, c.url());
        hashes(c.contentHash());
    }

    private static boolean contentWrote(Content c, String name) {
        return switch (name) {
            case "body" -> c.rawBody() != null;
            case "encoding" -> c.encoding() != null;
            case "url" -> c.url() != null;
            case "content_hash" -> !c.contentHash().isEmpty();
            default -> false;
        };
    }

    private void hashes(List<String> tokens) throws IOException {
        if (tokens.size() == 1) {
            str(CONTENT_HASH, tokens.get(0));
        } else if (!tokens.isEmpty()) {
            strings(CONTENT_HASH, tokens);
        }
    }

    private interface Written {
        boolean test(String name);
    }

    private void extras(Extras extras, Written written) throws IOException {
        if (extras.isEmpty()) {
            return;
        }
        IOException[] failure = new IOException[1];
        extras.forEachRaw((name, value) -> {
            if (failure[0] != null || written.test(name)) {
                return;
            }
            try {
                g.writeFieldName(name);
                NodeWriter.write(g, strings, value);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private void str(FieldName name, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(name.json);
            strings.write(value);
        }
    }

    private void array(FieldName name) throws IOException {
        g.writeFieldName(name.json);
        g.writeStartArray();
    }

    private void number(FieldName name, int value) throws IOException {
        g.writeFieldName(name.json);
        g.writeNumber(value);
    }

    private void number(FieldName name, BigDecimal value) throws IOException {
        g.writeFieldName(name.json);
        g.writeNumber(value);
    }

    private void date(FieldName name, OffsetDateTime value) throws IOException {
        if (value == null) {
            return;
        }
        int length = Rfc3339.format(value, date);
        g.writeFieldName(name.json);
        if (length < 0) {
            g.writeString(Rfc3339.format(value));
        } else {
            strings.writeAscii(date, length);
        }
    }

    private void index(FieldName name, Integer value) throws IOException {
        if (value != null) {
            number(name, value);
        }
    }

    /** One index as an int (the -04 form), several as an array. */
    private void indexes(FieldName name, List<Integer> values) throws IOException {
        if (values.size() == 1) {
            number(name, values.get(0));
        } else if (!values.isEmpty()) {
            array(name);
            for (int i : values) {
                g.writeNumber(i);
            }
            g.writeEndArray();
        }
    }

    private void strings(FieldName name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        array(name);
        for (String s : values) {
            strings.write(s);
        }
        g.writeEndArray();
    }
}
