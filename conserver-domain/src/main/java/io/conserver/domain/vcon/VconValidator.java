package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.isNonEmptyObject;
import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks an unsigned vCon tree against draft-ietf-vcon-vcon-core-03 (plus the -04 clarifications)
 * and reports every problem at once, in document order: root fields, then parties, dialog,
 * attachments and analysis.
 *
 * <p>The tree is expected to have gone through the legacy migration already, so only current field
 * names are known. Validation never throws, whatever the shape of the tree, and is thread-safe.
 */
public final class VconValidator {
    private static final Set<String> ROOT_FIELDS = Set.of("vcon", "uuid", "extensions", "critical", "created_at",
            "updated_at", "subject", "redacted", "amended", "group", "parties", "dialog", "analysis", "attachments");
    private static final String[] ARRAYS = {"parties", "dialog", "attachments", "analysis"};
    private static final String VERSION = "0.4.0";
    private static final ValidationPath ROOT = ValidationPath.ROOT;

    private final ValidationOptions options;

    public VconValidator(ValidationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** All problems found in {@code root}, errors and warnings interleaved; empty when the vCon is clean. */
    public List<Problem> validate(JsonNode root) {
        if (root == null || !root.isObject()) {
            return List.of(Problem.error("$", "a vCon must be a JSON object; was " + describe(root)));
        }
        ValidationContext ctx = new ValidationContext(options, root);
        header(ctx, root);
        arrays(ctx, root);
        JsonNode parties = root.get("parties");
        if (parties != null && parties.isArray()) {
            ValidationParties.check(ctx, parties);
        }
        JsonNode dialogs = root.get("dialog");
        if (dialogs != null && dialogs.isArray()) {
            ValidationDialogs.check(ctx, dialogs);
        }
        JsonNode attachments = root.get("attachments");
        if (attachments != null && attachments.isArray()) {
            ValidationAttachments.attachments(ctx, attachments);
        }
        JsonNode analyses = root.get("analysis");
        if (analyses != null && analyses.isArray()) {
            ValidationAttachments.analyses(ctx, analyses);
        }
        return ctx.problems();
    }

    private static void header(ValidationContext ctx, JsonNode root) {
        JsonNode version = root.get("vcon");
        if (present(version) && !(version.isTextual() && VERSION.equals(version.textValue()))) {
            ctx.warning(ROOT.field("vcon"), "vcon is deprecated, and when present it should be \"" + VERSION
                    + "\"; was " + describe(version));
        }
        uuid(ctx, root.get("uuid"));
        extensions(ctx, root.get("extensions"), "extensions");
        extensions(ctx, root.get("critical"), "critical");
        if (present(root.get("created_at"))) {
            ctx.date(root, ROOT, "created_at");
        } else {
            ctx.lenientWarning(ROOT.field("created_at"),
                    "created_at is missing; it records when the vCon was created");
        }
        ctx.date(root, ROOT, "updated_at");
        ctx.string(root, ROOT, "subject");
        // {} and null are what libraries write for "not redacted" / "not amended", so they count as absent.
        JsonNode redacted = root.get("redacted");
        JsonNode amended = root.get("amended");
        if (present(redacted)) {
            ValidationContent.vconReference(ctx, redacted, "redacted");
        }
        if (present(amended)) {
            ValidationContent.vconReference(ctx, amended, "amended");
        }
        if (isNonEmptyObject(redacted) && isNonEmptyObject(amended)) {
            ctx.error(ROOT, "redacted and amended are both present; a vCon is either a redaction or an amendment "
                    + "of its parent, not both");
        }
        ctx.unknownFields(root, ROOT, ROOT_FIELDS);
    }

    private static void uuid(ValidationContext ctx, JsonNode uuid) {
        if (uuid == null || !uuid.isTextual() || uuid.textValue().isEmpty()) {
            String expected = uuid == null ? "uuid is required" : "uuid must be a non-empty string";
            ctx.error(ROOT.field("uuid"),
                    expected + "; every vCon is identified by its uuid (was " + describe(uuid) + ")");
        } else if (!ValidationValues.isUuid(uuid.textValue())) {
            ctx.lenientWarning(ROOT.field("uuid"),
                    "uuid is not a UUID (8-4-4-4-12 hex digits); was " + describe(uuid));
        } else if (ValidationValues.uuidVersion(uuid.textValue()) != '8') {
            ctx.warning(ROOT.field("uuid"), "uuid should be a version 8 UUID (draft §4.1); was version "
                    + ValidationValues.uuidVersion(uuid.textValue()));
        }
    }

    /** {@code extensions} and {@code critical}: arrays of names; a critical name we do not support rejects. */
    private static void extensions(ValidationContext ctx, JsonNode names, String field) {
        if (names == null) {
            return;
        }
        ValidationPath path = ROOT.field(field);
        if (!names.isArray()) {
            String message = field + " must be an array of extension names; was " + describe(names);
            if (names.isNull()) {
                ctx.lenientWarning(path, message);
            } else {
                ctx.error(path, message);
            }
            return;
        }
        boolean critical = field.equals("critical");
        for (int i = 0; i < names.size(); i++) {
            JsonNode name = names.get(i);
            if (!name.isTextual()) {
                ctx.error(path.index(i), path.index(i) + " must be a string naming an extension; was "
                        + describe(name));
            } else if (critical && !ctx.supportedExtensions.contains(name.textValue())) {
                ctx.error(path.index(i), path.index(i) + " names extension " + describe(name)
                        + ", which this server does not support; a vCon with an unsupported critical extension "
                        + "must be refused");
            }
        }
    }

    private static void arrays(ValidationContext ctx, JsonNode root) {
        boolean anyContent = false;
        for (String field : ARRAYS) {
            JsonNode v = root.get(field);
            if (v == null) {
                continue;
            }
            if (v.isNull()) {
                ctx.lenientWarning(ROOT.field(field), field + " is null; omit it or give an array");
            } else if (!v.isArray()) {
                ctx.error(ROOT.field(field), field + " must be an array; was " + describe(v));
                anyContent = true;
            } else {
                anyContent |= !v.isEmpty();
            }
        }
        if (!anyContent) {
            ctx.warning(ROOT, "an unsigned vCon should contain at least one of parties, dialog, analysis or "
                    + "attachments");
        }
    }
}
