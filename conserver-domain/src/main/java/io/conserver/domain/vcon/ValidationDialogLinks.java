package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.DialogType.INCOMPLETE;
import static io.conserver.domain.vcon.ValidationContext.DialogType.RECORDING;
import static io.conserver.domain.vcon.ValidationContext.DialogType.RECORDING_SET;
import static io.conserver.domain.vcon.ValidationContext.DialogType.TRANSFER;
import static io.conserver.domain.vcon.ValidationContext.isIndex;
import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import io.conserver.domain.vcon.ValidationContext.DialogType;

/**
 * The index references a dialog holds (draft §6): its parties and channels, the transfer roles,
 * and the links between dialogs (original, consultation, target_dialog, recordings, recording_set).
 */
final class ValidationDialogLinks {
    private static final String[] PARTY_FIELDS = {"originator", "transferee", "transferor"};

    private ValidationDialogLinks() {
    }

    /**
     * {@code parties}: the dialog's parties value, which the caller has already found ({@code null}
     * when absent); {@code references}: whether the dialog has any reference field besides {@code parties}.
     */
    static void check(ValidationContext ctx, JsonNode dialog, JsonNode parties, ValidationPath prefix,
                      boolean references) {
        if (present(parties)) {
            channels(ctx, parties, prefix.field("parties"));
        }
        if (!references) {
            return;
        }
        for (String field : PARTY_FIELDS) {
            JsonNode v = dialog.get(field);
            if (present(v) && !isIndex(v, ctx.partyCount)) {
                ctx.partyIndex(v, prefix.field(field));
            }
        }
        JsonNode target = dialog.get("transfer_target");
        if (present(target)) {
            ctx.indexOrArray(target, prefix.field("transfer_target"), "party", "parties", ctx.partyCount);
        }
        // The dialogs a transfer links must be calls or messages; consultation and target may have failed.
        transferLink(ctx, dialog, prefix, "original", false);
        transferLink(ctx, dialog, prefix, "consultation", true);
        transferLink(ctx, dialog, prefix, "target_dialog", true);
        recordings(ctx, dialog.get("recordings"), prefix);
        JsonNode set = dialog.get("recording_set");
        if (present(set)) {
            linked(ctx, set, prefix.field("recording_set"), RECORDING_SET);
        }
    }

    /** One index, one entry per channel (an index or an array of them), or null for an empty channel. */
    private static void channels(ValidationContext ctx, JsonNode parties, ValidationPath path) {
        if (!parties.isArray()) {
            ctx.partyIndex(parties, path);
            return;
        }
        for (int k = 0; k < parties.size(); k++) {
            JsonNode channel = parties.get(k);
            if (channel.isArray()) {
                for (int m = 0; m < channel.size(); m++) {
                    if (!isIndex(channel.get(m), ctx.partyCount)) {
                        ctx.partyIndex(channel.get(m), path.index(k).index(m));
                    }
                }
            } else if (!channel.isNull() && !isIndex(channel, ctx.partyCount)) {
                ctx.partyIndex(channel, path.index(k));
            }
        }
    }

    private static void transferLink(ValidationContext ctx, JsonNode dialog, ValidationPath prefix, String field,
            boolean mayBeIncomplete) {
        JsonNode v = dialog.get(field);
        if (!present(v)) {
            return;
        }
        ValidationPath path = prefix.field(field);
        if (!v.isArray()) {
            transferTarget(ctx, v, path, mayBeIncomplete);
            return;
        }
        for (int i = 0; i < v.size(); i++) {
            transferTarget(ctx, v.get(i), path.index(i), mayBeIncomplete);
        }
    }

    private static void transferTarget(ValidationContext ctx, JsonNode v, ValidationPath path,
            boolean mayBeIncomplete) {
        int index = ctx.dialogIndex(v, path);
        DialogType target = ctx.dialogType(index);
        if (target == TRANSFER || target == INCOMPLETE && !mayBeIncomplete) {
            String allowed = mayBeIncomplete ? "recording, text, recording-set or incomplete"
                    : "recording, text or recording-set";
            ctx.error(path, path + " refers to dialog " + index + ", a " + target.label + " dialog; it must point at a "
                    + allowed + " dialog");
        }
    }

    private static void recordings(ValidationContext ctx, JsonNode recordings, ValidationPath prefix) {
        if (!present(recordings)) {
            return;
        }
        ValidationPath path = prefix.field("recordings");
        if (!recordings.isArray()) {
            ctx.error(path, path + " must be an array of dialog indices; was " + describe(recordings));
            return;
        }
        for (int i = 0; i < recordings.size(); i++) {
            linked(ctx, recordings.get(i), path.index(i), RECORDING);
        }
    }

    /** A dialog index that must point at a dialog of the given type. */
    private static void linked(ValidationContext ctx, JsonNode v, ValidationPath path, DialogType expected) {
        int index = ctx.dialogIndex(v, path);
        DialogType target = ctx.dialogType(index);
        // An untyped target was already reported where it is; saying it again here would only add noise.
        if (target != null && target != expected) {
            ctx.error(path, path + " refers to dialog " + index + ", a " + target.label + " dialog; it must point at a "
                    + expected.label + " dialog");
        }
    }
}
