package io.conserver.domain.vcon;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a validated, migrated tree onto the model. The rule that makes read-modify-write lossless:
 * a known field whose value has an unexpected shape (only possible where lenient validation let it
 * through) is not dropped or coerced but kept verbatim among the extras, and written back as it came.
 */
final class TreeReader {
    /** The largest decimal exponent a number the model holds may have; see {@link #isSaneNumber}. */
    static final int MAX_SCALE = 1000;

    private TreeReader() {
    }

    static Vcon vcon(JsonNode root) {
        Vcon.Builder b = Vcon.builder();
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            boolean mapped = switch (e.getKey()) {
                case "vcon" -> true; // the writer always writes the current version
                case "uuid" -> v.isTextual() && set(() -> b.uuid(v.textValue()));
                case "created_at" -> put(date(v), b::createdAt);
                case "updated_at" -> put(date(v), b::updatedAt);
                case "subject" -> v.isTextual() && set(() -> b.subject(v.textValue()));
                case "extensions" -> put(strings(v), b::extensions);
                case "critical" -> put(strings(v), b::critical);
                // {} is what libraries write for "not redacted" (the validator agrees): it stays verbatim
                // among the extras, so redacted() != null always means the vCon is a redaction.
                case "redacted" -> v.isObject() && !v.isEmpty() && set(() -> b.redacted(redacted(v)));
                case "amended" -> v.isObject() && !v.isEmpty() && set(() -> b.amended(amended(v)));
                case "parties" -> objects(v) && set(() -> b.parties(list(v, TreeReader::party)));
                case "dialog" -> objects(v) && set(() -> b.dialog(list(v, TreeReader::dialog)));
                case "analysis" -> objects(v) && set(() -> b.analysis(list(v, TreeReader::analysis)));
                case "attachments" -> objects(v) && set(() -> b.attachments(list(v, TreeReader::attachment)));
                default -> false;
            };
            if (!mapped && !(v.isNull() && isListField(e.getKey()))) {
                extras.put(e.getKey(), v);
            }
        }
        return b.extras(Extras.adopt(extras)).build();
    }

    private static boolean isListField(String name) {
        return "parties".equals(name) || "dialog".equals(name) || "analysis".equals(name)
                || "attachments".equals(name);
    }

    static Party party(JsonNode node) {
        Party.Builder b = Party.builder();
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            String s = v.isTextual() ? v.textValue() : null;
            boolean mapped = s != null && switch (e.getKey()) {
                case "tel" -> set(() -> b.tel(s));
                case "sip" -> set(() -> b.sip(s));
                case "stir" -> set(() -> b.stir(s));
                case "mailto" -> set(() -> b.mailto(s));
                case "name" -> set(() -> b.name(s));
                case "did" -> set(() -> b.did(s));
                case "validation" -> set(() -> b.validation(s));
                case "gmlpos" -> set(() -> b.gmlpos(s));
                case "uuid" -> set(() -> b.uuid(s));
                case "type" -> set(() -> b.type(s));
                case "org" -> set(() -> b.org(s));
                case "dept" -> set(() -> b.dept(s));
                default -> false;
            };
            if (!mapped && "civicaddress".equals(e.getKey()) && civic(v) != null) {
                b.civicaddress(civic(v));
                mapped = true;
            }
            if (!mapped) {
                extras.put(e.getKey(), v);
            }
        });
        return b.extras(Extras.adopt(extras)).build();
    }

    private static CivicAddress civic(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        String[] f = new String[17];
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            int i = Names.CIVIC.indexOf(e.getKey());
            if (i >= 0 && e.getValue().isTextual()) {
                f[i] = e.getValue().textValue();
            } else {
                extras.put(e.getKey(), e.getValue());
            }
        });
        return new CivicAddress(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12],
                f[13], f[14], f[15], f[16], Extras.adopt(extras));
    }

    /** The most numerous object of a vCon, so a plain loop, and an extras map only when there are extras. */
    static Dialog dialog(JsonNode node) {
        Dialog.Builder b = Dialog.builder(null);
        LinkedHashMap<String, JsonNode> extras = null;
        ContentReader content = new ContentReader();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            boolean mapped = content.accept(e.getKey(), v) || switch (e.getKey()) {
                case "type" -> v.isTextual() && set(() -> b.type(v.textValue()));
                case "start" -> put(date(v), b::start);
                case "duration" -> isSaneNumber(v) && set(() -> b.duration(v.decimalValue()));
                case "parties" -> put(dialogParties(v), b::parties);
                case "originator" -> put(index(v), b::originator);
                case "mediatype" -> v.isTextual() && set(() -> b.mediatype(v.textValue()));
                case "filename" -> v.isTextual() && set(() -> b.filename(v.textValue()));
                case "disposition" -> v.isTextual() && set(() -> b.disposition(v.textValue()));
                case "session_id" -> put(sessionIds(v), b::sessionId);
                case "party_history" -> put(history(v), b::partyHistory);
                case "transferee" -> put(index(v), b::transferee);
                case "transferor" -> put(index(v), b::transferor);
                case "transfer_target" -> put(indexes(v), b::transferTarget);
                case "original" -> put(indexes(v), b::original);
                case "consultation" -> put(indexes(v), b::consultation);
                case "target_dialog" -> put(indexes(v), b::targetDialog);
                // [] stays verbatim: the model cannot tell it from absent, and a recording-set must keep it.
                case "recordings" -> v.isArray() && !v.isEmpty() && put(indexes(v), b::recordings);
                case "recording_set" -> put(index(v), b::recordingSet);
                case "application" -> v.isTextual() && set(() -> b.application(v.textValue()));
                case "message_id" -> v.isTextual() && set(() -> b.messageId(v.textValue()));
                default -> false;
            };
            if (!mapped) {
                extras = extras == null ? new LinkedHashMap<>() : extras;
                extras.put(e.getKey(), v);
            }
        }
        return b.content(content.build()).extras(Extras.adopt(extras)).build();
    }

    static Attachment attachment(JsonNode node) {
        String[] s = new String[3];
        OffsetDateTime[] start = new OffsetDateTime[1];
        Integer[] refs = new Integer[2];
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        ContentReader content = new ContentReader();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean mapped = content.accept(e.getKey(), v) || switch (e.getKey()) {
                case "purpose" -> v.isTextual() && set(() -> s[0] = v.textValue());
                case "mediatype" -> v.isTextual() && set(() -> s[1] = v.textValue());
                case "filename" -> v.isTextual() && set(() -> s[2] = v.textValue());
                case "start" -> put(date(v), x -> start[0] = x);
                case "party" -> put(index(v), x -> refs[0] = x);
                case "dialog" -> put(index(v), x -> refs[1] = x);
                default -> false;
            };
            if (!mapped) {
                extras.put(e.getKey(), v);
            }
        });
        Content c = content.build();
        return new Attachment(s[0], start[0], refs[0], refs[1], s[1], s[2], c, Extras.adopt(extras));
    }

    static Analysis analysis(JsonNode node) {
        String[] s = new String[6];
        List<List<Integer>> refs = new ArrayList<>(List.of(List.of(), List.of()));
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        ContentReader content = new ContentReader();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean mapped = content.accept(e.getKey(), v) || switch (e.getKey()) {
                case "type" -> v.isTextual() && set(() -> s[0] = v.textValue());
                case "mediatype" -> v.isTextual() && set(() -> s[1] = v.textValue());
                case "filename" -> v.isTextual() && set(() -> s[2] = v.textValue());
                case "vendor" -> v.isTextual() && set(() -> s[3] = v.textValue());
                case "product" -> v.isTextual() && set(() -> s[4] = v.textValue());
                case "schema" -> v.isTextual() && set(() -> s[5] = v.textValue());
                case "dialog" -> put(indexes(v), x -> refs.set(0, x));
                case "attachment" -> put(indexes(v), x -> refs.set(1, x));
                default -> false;
            };
            if (!mapped) {
                extras.put(e.getKey(), v);
            }
        });
        Content c = content.build();
        return new Analysis(s[0], refs.get(0), refs.get(1), s[1], s[2], s[3], s[4], s[5], c, Extras.adopt(extras));
    }

    static Redacted redacted(JsonNode node) {
        Lineage l = lineage(node, true);
        return new Redacted(l.uuid(), l.type(), l.url(), l.contentHash(), l.extras());
    }

    static Amended amended(JsonNode node) {
        Lineage l = lineage(node, false);
        return new Amended(l.uuid(), l.url(), l.contentHash(), l.extras());
    }

    /** The fields {@code redacted} and {@code amended} share: which vCon, and where its content is. */
    private record Lineage(String uuid, String type, String url, List<String> contentHash, Extras extras) {
    }

    /** {@code typed}: whether {@code type} is a field of the object ({@code redacted}) or an extra. */
    private static Lineage lineage(JsonNode node, boolean typed) {
        String[] s = new String[3];
        List<List<String>> hash = new ArrayList<>(List.of(List.of()));
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean mapped = switch (e.getKey()) {
                case "uuid" -> v.isTextual() && set(() -> s[0] = v.textValue());
                case "type" -> typed && v.isTextual() && set(() -> s[1] = v.textValue());
                case "url" -> v.isTextual() && set(() -> s[2] = v.textValue());
                case "content_hash" -> put(hashes(v), x -> hash.set(0, x));
                default -> false;
            };
            if (!mapped) {
                extras.put(e.getKey(), v);
            }
        });
        return new Lineage(s[0], s[1], s[2], hash.get(0), Extras.adopt(extras));
    }

    /** Collects body, encoding, url and content_hash of one item. */
    private static final class ContentReader {
        private JsonNode body;
        private String encoding;
        private String url;
        private List<String> hash = List.of();

        boolean accept(String name, JsonNode v) {
            switch (name) {
                case "body" -> body = v.isNull() ? null : v;
                case "encoding" -> {
                    if (!v.isTextual()) {
                        return false;
                    }
                    encoding = v.textValue();
                }
                case "url" -> {
                    if (!v.isTextual()) {
                        return false;
                    }
                    url = v.textValue();
                }
                case "content_hash" -> {
                    List<String> tokens = hashes(v);
                    if (tokens == null) {
                        return false;
                    }
                    hash = tokens;
                }
                default -> {
                    return false;
                }
            }
            return name.equals("body") ? body != null : true;
        }

        Content build() {
            return body == null && encoding == null && url == null && hash.isEmpty()
                    ? Content.EMPTY : new Content(body, encoding, url, hash);
        }
    }

    private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(item.apply(n)));
        return out;
    }

    /** Lists of objects only; {@code []} of anything else stays verbatim among the extras. */
    private static boolean objects(JsonNode v) {
        if (!v.isArray()) {
            return false;
        }
        for (JsonNode n : v) {
            if (!n.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> strings(JsonNode v) {
        if (!v.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                return null;
            }
            out.add(n.textValue());
        }
        return out;
    }

    private static List<String> hashes(JsonNode v) {
        return v.isTextual() ? List.of(v.textValue()) : strings(v);
    }

    static Integer index(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0 ? v.intValue() : null;
    }

    private static List<Integer> indexes(JsonNode v) {
        if (index(v) != null) {
            return List.of(index(v));
        }
        if (!v.isArray()) {
            return null;
        }
        List<Integer> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            Integer i = index(n);
            if (i == null) {
                return null;
            }
            out.add(i);
        }
        return out;
    }

    private static DialogParties dialogParties(JsonNode v) {
        if (index(v) != null) {
            return DialogParties.single(index(v));
        }
        if (!v.isArray()) {
            return null;
        }
        List<DialogParties.Channel> channels = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            if (n.isNull()) {
                channels.add(new DialogParties.Channel(List.of(), false));
            } else if (index(n) != null) {
                channels.add(DialogParties.Channel.of(index(n)));
            } else if (n.isArray() && indexes(n) != null) {
                channels.add(new DialogParties.Channel(indexes(n), true));
            } else {
                return null;
            }
        }
        return new DialogParties(false, channels);
    }

    private static SessionIds sessionIds(JsonNode v) {
        if (v.isObject()) {
            SessionId id = sessionId(v);
            return id == null ? null : SessionIds.of(id);
        }
        if (!v.isArray()) {
            return null;
        }
        List<List<SessionId>> channels = new ArrayList<>(v.size());
        for (JsonNode entry : v) {
            List<SessionId> ids = new ArrayList<>();
            if (entry.isObject() && sessionId(entry) != null) {
                ids.add(sessionId(entry));
            } else if (entry.isArray()) {
                for (JsonNode n : entry) {
                    SessionId id = n.isObject() ? sessionId(n) : null;
                    if (id == null) {
                        return null;
                    }
                    ids.add(id);
                }
                if (ids.size() == 1) {
                    return null; // [[{...}]] would be written back as [{...}]: keep it verbatim instead
                }
            } else {
                return null;
            }
            channels.add(ids);
        }
        return SessionIds.perChannel(channels);
    }

    private static SessionId sessionId(JsonNode v) {
        String[] s = new String[2];
        LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if ("local".equals(e.getKey()) && e.getValue().isTextual()) {
                s[0] = e.getValue().textValue();
            } else if ("remote".equals(e.getKey()) && e.getValue().isTextual()) {
                s[1] = e.getValue().textValue();
            } else {
                extras.put(e.getKey(), e.getValue());
            }
        });
        return new SessionId(s[0], s[1], Extras.adopt(extras));
    }

    private static List<PartyHistory> history(JsonNode v) {
        if (!v.isArray()) {
            return null;
        }
        List<PartyHistory> out = new ArrayList<>(v.size());
        for (JsonNode n : v) {
            if (!n.isObject() || index(n.path("party")) == null || date(n.path("time")) == null
                    || !n.path("event").isTextual()) {
                return null;
            }
            String[] button = new String[1];
            LinkedHashMap<String, JsonNode> extras = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "party", "time", "event" -> { }
                    case "button" -> {
                        if (e.getValue().isTextual()) {
                            button[0] = e.getValue().textValue();
                        } else {
                            extras.put(e.getKey(), e.getValue());
                        }
                    }
                    default -> extras.put(e.getKey(), e.getValue());
                }
            });
            out.add(new PartyHistory(index(n.get("party")), date(n.get("time")), n.get("event").textValue(),
                    button[0], Extras.adopt(extras)));
        }
        return out;
    }

    /**
     * A number the model can hand out safely. {@code 1e999999999} is valid JSON and a non-negative
     * number, but as a BigDecimal one careless {@code toBigInteger()} or {@code toPlainString()} would
     * spend minutes building its billion digits, and other readers see it as infinity: such values
     * stay verbatim among the extras instead.
     */
    private static boolean isSaneNumber(JsonNode v) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            return false;
        }
        return !v.isBigDecimal() || Math.abs(v.decimalValue().scale()) <= MAX_SCALE;
    }

    /** RFC 3339 with a zone; an ISO local date-time (no zone) is read as UTC, as lenient mode allows. */
    static OffsetDateTime date(JsonNode v) {
        return v != null && v.isTextual() ? Rfc3339.parse(v.textValue()) : null;
    }

    private static <T> boolean put(T value, java.util.function.Consumer<T> setter) {
        if (value == null) {
            return false;
        }
        setter.accept(value);
        return true;
    }

    private static boolean set(Runnable assignment) {
        assignment.run();
        return true;
    }

    /** Field-name tables shared by the reader and the writer. */
    static final class Names {
        static final List<String> CIVIC = List.of("country", "a1", "a2", "a3", "a4", "a5", "a6", "prd", "pod",
                "sts", "hno", "hns", "lmk", "loc", "flr", "nam", "pc");

        private Names() {
        }
    }
}
