package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The attachment (draft §7) and analysis (§8) objects, which share content carriage with dialogs. */
final class ValidationAttachments {
    private static final Set<String> ATTACHMENT_FIELDS = Set.of("purpose", "start", "party", "dialog", "mediatype",
            "filename", "body", "encoding", "url", "content_hash");
    private static final Set<String> ANALYSIS_FIELDS = Set.of("type", "dialog", "attachment", "mediatype",
            "filename", "vendor", "product", "schema", "body", "encoding", "url", "content_hash");

    private ValidationAttachments() {
    }

    static void attachments(ValidationContext ctx, JsonNode attachments) {
        ValidationPath array = ValidationPath.ROOT.field("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            ValidationPath prefix = array.index(i);
            if (isElement(ctx, attachment, prefix)) {
                attachment(ctx, attachment, prefix);
            }
        }
    }

    static void analyses(ValidationContext ctx, JsonNode analyses) {
        ValidationPath array = ValidationPath.ROOT.field("analysis");
        for (int i = 0; i < analyses.size(); i++) {
            JsonNode analysis = analyses.get(i);
            ValidationPath prefix = array.index(i);
            if (isElement(ctx, analysis, prefix)) {
                analysis(ctx, analysis, prefix);
            }
        }
    }

    /** False for a non-object (reported) and for the empty placeholder a redactor leaves. */
    private static boolean isElement(ValidationContext ctx, JsonNode element, ValidationPath prefix) {
        if (!element.isObject()) {
            ctx.error(prefix, prefix + " must be an object; was " + describe(element));
            return false;
        }
        return !(ctx.redacted && element.isEmpty());
    }

    private static void attachment(ValidationContext ctx, JsonNode attachment, ValidationPath prefix) {
        ctx.string(attachment, prefix, "purpose");
        ctx.date(attachment, prefix, "start");
        JsonNode party = attachment.get("party");
        if (!present(party)) {
            // The tags attachment (vcon-lib's, see VconTags) labels the whole vCon: no party distributed it.
            if (!isTags(attachment)) {
                ValidationPath path = prefix.field("party");
                ctx.lenientWarning(path, path + " is missing; core-03 requires the index of the party that "
                        + "distributed the attachment");
            }
        } else if (!ValidationContext.isIndex(party, ctx.partyCount)) {
            ctx.partyIndex(party, prefix.field("party"));
        }
        JsonNode dialog = attachment.get("dialog");
        if (present(dialog) && !ValidationContext.isIndex(dialog, ctx.dialogCount)) {
            ctx.dialogIndex(dialog, prefix.field("dialog"));
        }
        ValidationContent.check(ctx, attachment, prefix);
        ctx.unknownFields(attachment, prefix, ATTACHMENT_FIELDS);
    }

    private static boolean isTags(JsonNode attachment) {
        JsonNode purpose = attachment.get("purpose");
        return purpose != null && VconTags.PURPOSE.equals(purpose.textValue());
    }

    private static void analysis(ValidationContext ctx, JsonNode analysis, ValidationPath prefix) {
        ctx.string(analysis, prefix, "type");
        JsonNode dialog = analysis.get("dialog");
        if (present(dialog)) {
            ctx.indexOrArray(dialog, prefix.field("dialog"), "dialog", "dialogs", ctx.dialogCount);
        }
        JsonNode attachment = analysis.get("attachment");
        if (present(attachment)) {
            ctx.indexOrArray(attachment, prefix.field("attachment"), "attachment", "attachments", ctx.attachmentCount);
        }
        if (!present(analysis.get("vendor"))) {
            ValidationPath path = prefix.field("vendor");
            ctx.lenientWarning(path, path + " is missing; it names the vendor or product that produced the analysis");
        }
        ctx.string(analysis, prefix, "vendor");
        ctx.string(analysis, prefix, "product");
        ctx.string(analysis, prefix, "schema");
        ValidationContent.check(ctx, analysis, prefix);
        ctx.unknownFields(analysis, prefix, ANALYSIS_FIELDS);
    }
}
