package io.conserver.domain.vcon;

import java.util.List;

/**
 * Index checks shared by {@link VconEditor} and {@link VconRedactor}. Every cross reference in a
 * vCon is a bare array index (spec §4), so a wrong one silently points at the wrong party; these
 * fail fast instead, naming the caller's argument.
 */
final class VconReferences {
    private VconReferences() {
    }

    /** Every party and dialog index a dialog holds must exist in {@code vcon}. */
    static void checkDialogReferences(Vcon vcon, Dialog d) {
        List<DialogParties.Channel> channels = d.parties().channels();
        for (int c = 0; c < channels.size(); c++) {
            for (int index : channels.get(c).indexes()) {
                checkParty(vcon, index, "parties[" + c + "]");
            }
        }
        checkOptionalParty(vcon, d.originator(), "originator");
        checkOptionalParty(vcon, d.transferee(), "transferee");
        checkOptionalParty(vcon, d.transferor(), "transferor");
        d.transferTarget().forEach(i -> checkParty(vcon, i, "transfer_target"));
        d.partyHistory().forEach(h -> checkParty(vcon, h.party(), "party_history.party"));
        d.original().forEach(i -> checkDialog(vcon, i, "original"));
        d.consultation().forEach(i -> checkDialog(vcon, i, "consultation"));
        d.targetDialog().forEach(i -> checkDialog(vcon, i, "target_dialog"));
        d.recordings().forEach(i -> checkDialog(vcon, i, "recordings"));
        // recording_set is only checked for sign: a recording points forward to a set that lists it, so
        // one of the two references must name a dialog not yet added.
        require(d.recordingSet() == null || d.recordingSet() >= 0, "recording_set must not be negative");
    }

    static void checkParties(Vcon vcon, int[] parties) {
        for (int i = 0; i < parties.length; i++) {
            checkParty(vcon, parties[i], "parties[" + i + "]");
        }
    }

    static void checkOptionalParty(Vcon vcon, Integer index, String argument) {
        if (index != null) {
            checkParty(vcon, index, argument);
        }
    }

    static void checkParty(Vcon vcon, Integer index, String argument) {
        checkIndex(index, vcon.parties().size(), argument, "party", "parties");
    }

    static void checkDialog(Vcon vcon, Integer index, String argument) {
        checkIndex(index, vcon.dialog().size(), argument, "dialog", "dialogs");
    }

    static void checkAttachment(Vcon vcon, Integer index, String argument) {
        checkIndex(index, vcon.attachments().size(), argument, "attachment", "attachments");
    }

    static void checkDialogOfType(Vcon vcon, int index, String argument, List<String> types) {
        checkDialog(vcon, index, argument);
        String type = vcon.dialog().get(index).type();
        require(types.contains(type),
                argument + ": dialog " + index + " is a " + type + " dialog; it must be one of " + types);
    }

    private static void checkIndex(Integer index, int size, String argument, String kind, String plural) {
        require(index != null && index >= 0 && index < size, argument + ": " + index + " is not a " + kind
                + " index of this vCon, which has " + size + " " + (size == 1 ? kind : plural));
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
