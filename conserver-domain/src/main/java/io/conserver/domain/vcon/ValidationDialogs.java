package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.DialogType.INCOMPLETE;
import static io.conserver.domain.vcon.ValidationContext.DialogType.RECORDING;
import static io.conserver.domain.vcon.ValidationContext.DialogType.RECORDING_SET;
import static io.conserver.domain.vcon.ValidationContext.DialogType.TEXT;
import static io.conserver.domain.vcon.ValidationContext.DialogType.TRANSFER;
import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.ValidationContext.DialogType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The dialog objects of draft §6: type, the -04 applicability table, disposition and the plain fields. */
final class ValidationDialogs {
    private static final String TYPES = "recording, text, transfer, incomplete, recording-set";
    static final Set<String> DISPOSITIONS =
            Set.of("no-answer", "congestion", "failed", "busy", "hung-up", "voicemail-no-message");
    private static final Set<DialogType> WITHOUT_CONTENT = EnumSet.of(TRANSFER, INCOMPLETE, RECORDING_SET);
    /** Every known dialog field and its rule. */
    private static final Map<String, Rule> RULES = rules();

    /*
     * Slots of the values the checks after the field scan need. The scan visits every field anyway, so
     * it keeps these as it passes: looking each up by name again cost about fifteen map lookups per
     * dialog, most of them for fields a dialog does not have.
     */
    private static final int START = 0;
    private static final int DURATION = 1;
    private static final int DISPOSITION = 2;
    private static final int PARTIES = 3;
    private static final int MEDIATYPE = 4;
    private static final int FILENAME = 5;
    private static final int BODY = 6;
    private static final int ENCODING = 7;
    private static final int URL = 8;
    private static final int CONTENT_HASH = 9;
    private static final int APPLICATION = 10;
    private static final int MESSAGE_ID = 11;
    private static final int RECORDINGS = 12;
    private static final int SLOTS = 13;
    private static final int NO_SLOT = -1;

    /**
     * What the -04 table says about one field.
     *
     * @param forbiddenOn the types its table cell marks X (must not)
     * @param reference   true for the fields that refer to parties or dialogs, {@code parties} aside: a call
     *                    or message rarely has any, and looking each up by name would be a dozen failed
     *                    lookups per dialog, so they are checked only when the field scan has seen one
     * @param slot        where the field scan keeps the value for the later checks, or {@link #NO_SLOT}
     */
    private record Rule(Set<DialogType> forbiddenOn, boolean reference, int slot) {
    }

    private ValidationDialogs() {
    }

    static void check(ValidationContext ctx, JsonNode dialogs) {
        ValidationPath array = ValidationPath.ROOT.field("dialog");
        JsonNode[] values = new JsonNode[SLOTS];
        for (int i = 0; i < dialogs.size(); i++) {
            Arrays.fill(values, null);
            dialog(ctx, dialogs.get(i), i, array.index(i), values);
        }
    }

    /** {@code values}: cleared scratch space for the field scan, shared by the dialogs of one vCon. */
    private static void dialog(ValidationContext ctx, JsonNode dialog, int index, ValidationPath prefix,
                               JsonNode[] values) {
        if (!dialog.isObject()) {
            ctx.error(prefix, prefix + " must be an object; was " + describe(dialog));
            return;
        }
        if (ctx.redacted && dialog.isEmpty()) {
            return; // the placeholder a redactor leaves so that later indices stay valid
        }
        DialogType type = ctx.dialogType(index);
        // A known type needs no value in its message: the lookup is only for the error.
        type(ctx, type == null ? dialog.get("type") : null, prefix, type);
        boolean references = fields(ctx, dialog, prefix, type, values);
        if (present(values[START])) {
            ctx.dateValue(values[START], prefix, "start");
        }
        duration(ctx, values[DURATION], prefix);
        disposition(ctx, values[DISPOSITION], prefix, type);
        ValidationDialogLinks.check(ctx, dialog, values[PARTIES], prefix, references);
        if (references) {
            ValidationPartyHistory.check(ctx, dialog, prefix);
        }
        if (type == null || !WITHOUT_CONTENT.contains(type)) {
            ValidationContent.check(ctx, prefix, values[MEDIATYPE], values[FILENAME], values[BODY], values[ENCODING],
                    values[URL], values[CONTENT_HASH]);
        }
        if ((type == RECORDING || type == TEXT) && !ctx.redacted && !present(values[BODY])
                && !present(values[URL])) {
            ctx.warning(prefix, prefix + " is a " + type.label + " dialog with neither body nor url; "
                    + "only a redacted vCon should leave content out");
        }
        ctx.stringValue(values[APPLICATION], prefix, "application");
        ctx.stringValue(values[MESSAGE_ID], prefix, "message_id");
    }

    private static void type(ValidationContext ctx, JsonNode value, ValidationPath prefix, DialogType type) {
        if (type == null) {
            ValidationPath path = prefix.field("type");
            ctx.error(path, path + (present(value) ? " must be one of " + TYPES + "; was " + describe(value)
                    : " is required and must be one of " + TYPES));
        }
    }

    /**
     * Unknown fields, and fields the applicability table forbids on this type, in document order.
     * Returns whether any {@link Rule#reference} field is there, and keeps the values of the slotted
     * fields in {@code values}.
     */
    private static boolean fields(ValidationContext ctx, JsonNode dialog, ValidationPath prefix, DialogType type,
                                  JsonNode[] values) {
        boolean references = false;
        for (Map.Entry<String, JsonNode> field : dialog.properties()) {
            Rule rule = RULES.get(field.getKey());
            if (rule == null) {
                ctx.unknownField(prefix, field.getKey());
                continue;
            }
            if (rule.slot() != NO_SLOT) {
                values[rule.slot()] = field.getValue();
            }
            if (type != null && rule.forbiddenOn().contains(type) && present(field.getValue())) {
                ValidationPath path = prefix.field(field.getKey());
                ctx.error(path, path + " must not appear on a " + type.label + " dialog");
            }
            references |= rule.reference();
        }
        if (type == RECORDING_SET && !present(values[RECORDINGS])) {
            ValidationPath path = prefix.field("recordings");
            ctx.error(path, path + " is required on a recording-set dialog");
        }
        return references;
    }

    private static void duration(ValidationContext ctx, JsonNode duration, ValidationPath prefix) {
        if (!present(duration)) {
            return;
        }
        boolean negative = duration.isBigInteger() || duration.isBigDecimal()
                ? duration.decimalValue().signum() < 0
                : !(duration.doubleValue() >= 0);
        if (!duration.isNumber() || negative) {
            ValidationPath path = prefix.field("duration");
            ctx.error(path, path + " must be a non-negative number of seconds; was " + describe(duration));
        }
    }

    private static void disposition(ValidationContext ctx, JsonNode value, ValidationPath prefix, DialogType type) {
        if (type == INCOMPLETE) {
            ValidationPath path = prefix.field("disposition");
            if (!present(value)) {
                ctx.error(path, path + " is required on an incomplete dialog; use failed when the reason is unknown");
            } else if (!value.isTextual() || !DISPOSITIONS.contains(value.textValue())) {
                ctx.error(path, path + " must be one of no-answer, congestion, failed, busy, hung-up, "
                        + "voicemail-no-message; was " + describe(value));
            }
        } else if (type != null && present(value)) {
            ValidationPath path = prefix.field("disposition");
            ctx.warning(path, path + " should not appear on a " + type.label + " dialog, only on incomplete ones");
        }
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> table = new HashMap<>();
        for (String field : new String[] {"type", "start", "duration", "disposition", "application",
            "campaign", "interaction_type", "interaction_id", "skill"}) {
            table.put(field, rule(field, EnumSet.noneOf(DialogType.class), false));
        }
        table.put("parties", rule("parties", EnumSet.of(TRANSFER), false));
        for (String field : new String[] {"originator", "session_id", "party_history"}) {
            table.put(field, rule(field, EnumSet.of(TRANSFER), true));
        }
        for (String field : new String[] {"mediatype", "filename", "body", "encoding", "url", "content_hash",
            "message_id"}) {
            table.put(field, rule(field, WITHOUT_CONTENT, false));
        }
        for (String field : new String[] {"transferee", "transferor", "transfer_target", "original",
            "consultation", "target_dialog"}) {
            table.put(field, rule(field, EnumSet.complementOf(EnumSet.of(TRANSFER)), true));
        }
        table.put("recordings", rule("recordings", EnumSet.complementOf(EnumSet.of(RECORDING_SET)), true));
        table.put("recording_set", rule("recording_set", EnumSet.complementOf(EnumSet.of(RECORDING)), true));
        return Map.copyOf(table);
    }

    private static Rule rule(String field, Set<DialogType> forbiddenOn, boolean reference) {
        int slot = switch (field) {
            case "start" -> START;
            case "duration" -> DURATION;
            case "disposition" -> DISPOSITION;
            case "parties" -> PARTIES;
            case "mediatype" -> MEDIATYPE;
            case "filename" -> FILENAME;
            case "body" -> BODY;
            case "encoding" -> ENCODING;
            case "url" -> URL;
            case "content_hash" -> CONTENT_HASH;
            case "application" -> APPLICATION;
            case "message_id" -> MESSAGE_ID;
            case "recordings" -> RECORDINGS;
            default -> NO_SLOT;
        };
        return new Rule(forbiddenOn, reference, slot);
    }
}
