package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one validation run: the problems found so far, the mode, and what references are
 * checked against (array sizes and dialog types).
 */
final class ValidationContext {
    /** The dialog types of draft §6; {@code null} stands for a missing or unknown type. */
    enum DialogType {
        RECORDING("recording"), TEXT("text"), TRANSFER("transfer"), INCOMPLETE("incomplete"),
        RECORDING_SET("recording-set");

        final String label;

        DialogType(String label) {
            this.label = label;
        }

        static DialogType of(JsonNode type) {
            if (type == null || !type.isTextual()) {
                return null;
            }
            return switch (type.textValue()) {
                case "recording" -> RECORDING;
                case "text" -> TEXT;
                case "transfer" -> TRANSFER;
                case "incomplete" -> INCOMPLETE;
                case "recording-set" -> RECORDING_SET;
                default -> null;
            };
        }
    }

    /** Count of an array that is not an array: references into it cannot be range-checked. */
    static final int UNKNOWN = -1;

    final boolean strict;
    final Set<String> supportedExtensions;
    final int partyCount;
    final int dialogCount;
    final int attachmentCount;
    /** A non-empty {@code redacted} object; vcon-lib writes {@code "redacted": {}} on every vCon. */
    final boolean redacted;
    private final DialogType[] dialogTypes;
    private List<Problem> problems;

    ValidationContext(ValidationOptions options, JsonNode root) {
        this.strict = options.isStrict();
        this.supportedExtensions = options.supportedExtensions();
        this.partyCount = count(root.get("parties"));
        this.attachmentCount = count(root.get("attachments"));
        JsonNode dialogs = root.get("dialog");
        this.dialogCount = count(dialogs);
        this.dialogTypes = new DialogType[Math.max(dialogCount, 0)];
        for (int i = 0; i < dialogTypes.length; i++) {
            dialogTypes[i] = DialogType.of(dialogs.get(i).get("type"));
        }
        this.redacted = isNonEmptyObject(root.get("redacted"));
    }

    List<Problem> problems() {
        return problems == null ? List.of() : Collections.unmodifiableList(problems);
    }

    void error(ValidationPath path, String message) {
        add(Problem.error(path.toString(), message));
    }

    void warning(ValidationPath path, String message) {
        add(Problem.warning(path.toString(), message));
    }

    /** What lenient mode tolerates from real producers: an error only in strict mode. */
    void lenientWarning(ValidationPath path, String message) {
        add(new Problem(path.toString(), strict ? Severity.ERROR : Severity.WARNING, message));
    }

    private void add(Problem problem) {
        if (problems == null) {
            problems = new ArrayList<>();
        }
        problems.add(problem);
    }

    DialogType dialogType(int index) {
        return index >= 0 && index < dialogTypes.length ? dialogTypes[index] : null;
    }

    /**
     * JSON null counts as absent: the draft lets empty or null members be omitted. Type tests rather
     * than isNull(): this runs for every field the validator looks at, and the virtual call behind
     * isNull() has a dozen node classes to dispatch on.
     */
    static boolean present(JsonNode v) {
        return v != null && !(v instanceof NullNode) && !(v instanceof MissingNode);
    }

    static boolean isNonEmptyObject(JsonNode v) {
        return v != null && v.isObject() && !v.isEmpty();
    }

    void string(JsonNode owner, ValidationPath prefix, String field) {
        stringValue(owner.get(field), prefix, field);
    }

    /** {@link #string} on the value of {@code field}, already looked up; {@code null} when absent. */
    void stringValue(JsonNode v, ValidationPath prefix, String field) {
        if (present(v) && !v.isTextual()) {
            ValidationPath path = prefix.field(field);
            error(path, path + " must be a string; was " + describe(v));
        }
    }

    void date(JsonNode owner, ValidationPath prefix, String field) {
        JsonNode v = owner.get(field);
        if (present(v)) {
            dateValue(v, prefix, field);
        }
    }

    void dateValue(JsonNode v, ValidationPath prefix, String field) {
        ValidationValues.DateShape shape = v.isTextual() ? ValidationValues.date(v.textValue())
                : ValidationValues.DateShape.INVALID;
        if (shape == ValidationValues.DateShape.NO_ZONE) {
            ValidationPath path = prefix.field(field);
            lenientWarning(path, path + " has no time zone (" + describe(v)
                    + "); RFC 3339 requires Z or ±hh:mm, and lenient mode reads it as UTC");
        } else if (shape == ValidationValues.DateShape.INVALID) {
            ValidationPath path = prefix.field(field);
            error(path, path + " must be an RFC 3339 timestamp such as 2025-01-31T12:34:56Z; was " + describe(v));
        }
    }

    void unknownFields(JsonNode owner, ValidationPath prefix, Set<String> known) {
        for (Map.Entry<String, JsonNode> field : owner.properties()) {
            if (!known.contains(field.getKey())) {
                unknownField(prefix, field.getKey());
            }
        }
    }

    void unknownField(ValidationPath prefix, String name) {
        warning(prefix.field(name), "unknown field '" + name + "' is kept as is");
    }

    /** The allocation-free check for the common case; the reporting methods below say what is wrong. */
    static boolean isIndex(JsonNode v, int count) {
        return v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 0
                && (count == UNKNOWN || v.intValue() < count);
    }

    /** Returns the index, or -1 after reporting why it is not a usable one. */
    int partyIndex(JsonNode v, ValidationPath path) {
        return index(v, path, "party", "parties", partyCount);
    }

    int dialogIndex(JsonNode v, ValidationPath path) {
        return index(v, path, "dialog", "dialogs", dialogCount);
    }

    /** A single index or an array of them (analysis.dialog, transfer_target in core-03, ...). */
    void indexOrArray(JsonNode v, ValidationPath path, String noun, String nouns, int count) {
        if (!v.isArray()) {
            index(v, path, noun, nouns, count);
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            index(v.get(i), path.index(i), noun, nouns, count);
        }
    }

    private int index(JsonNode v, ValidationPath path, String noun, String nouns, int count) {
        if (isIndex(v, count)) {
            return v.intValue();
        }
        if (v == null || !v.isIntegralNumber()
                || (v.canConvertToInt() ? v.intValue() : v.bigIntegerValue().signum()) < 0) {
            error(path, path + " must be a non-negative integer " + noun + " index; was " + describe(v));
            return -1;
        }
        // A valid-looking index that is out of range, possibly far beyond int.
        error(path, path + " refers to " + noun + " " + describe(v) + (count == UNKNOWN ? ", which is out of range"
                : " but the vCon has " + count + " " + (count == 1 ? noun : nouns)));
        return -1;
    }

    private static int count(JsonNode array) {
        if (array == null || array.isNull()) {
            return 0;
        }
        return array.isArray() ? array.size() : UNKNOWN;
    }
}
