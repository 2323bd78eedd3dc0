package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.VconReferences.require;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link VconRedactor#redact} removes from a parent vCon (spec §4.2). Elements that are
 * dropped leave placeholders behind, so every index in the redacted copy still means what it meant
 * in the parent. Field edits apply to every party that is kept.
 *
 * @param dropParties            party indices replaced by an empty {@code {}} party
 * @param removePartyFields      party field names removed (core names such as {@code tel}, or extension names)
 * @param maskPartyFields        party field name to the string that replaces its value, where present
 * @param stripDialogContent     dialog indices whose body or url is removed, keeping content_hash and mediatype
 * @param dropDialogs            dialog indices replaced by a placeholder holding only {@code type}
 *                               (and {@code disposition} for incomplete ones), the -04 placeholder
 * @param dropAnalysisTypes      analysis types whose entries are replaced by a content-less placeholder
 * @param dropAttachmentPurposes attachment purposes whose entries are replaced by a content-less placeholder
 * @param dropSubject            whether the free-text subject, which often names people, is removed
 */
public record RedactionPlan(Set<Integer> dropParties, Set<String> removePartyFields, Map<String, String> maskPartyFields,
                            Set<Integer> stripDialogContent, Set<Integer> dropDialogs, Set<String> dropAnalysisTypes,
                            Set<String> dropAttachmentPurposes, boolean dropSubject) {
    /** The mask used when none is given. */
    public static final String DEFAULT_MASK = "[REDACTED]";

    public RedactionPlan {
        dropParties = Set.copyOf(dropParties);
        removePartyFields = Set.copyOf(removePartyFields);
        maskPartyFields = Map.copyOf(maskPartyFields);
        stripDialogContent = Set.copyOf(stripDialogContent);
        dropDialogs = Set.copyOf(dropDialogs);
        dropAnalysisTypes = Set.copyOf(dropAnalysisTypes);
        dropAttachmentPurposes = Set.copyOf(dropAttachmentPurposes);
        for (String field : maskPartyFields.keySet()) {
            require(!removePartyFields.contains(field), field + " is both removed and masked; choose one");
        }
        // A civic address is an object; a mask string in its place would be an invalid vCon.
        require(!maskPartyFields.containsKey("civicaddress"), "civicaddress cannot be masked; remove it instead");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction; every method adds to what is already planned. */
    public static final class Builder {
        private final Set<Integer> dropParties = new LinkedHashSet<>();
        private final Set<String> removePartyFields = new LinkedHashSet<>();
        private final Map<String, String> maskPartyFields = new LinkedHashMap<>();
        private final Set<Integer> stripDialogContent = new LinkedHashSet<>();
        private final Set<Integer> dropDialogs = new LinkedHashSet<>();
        private final Set<String> dropAnalysisTypes = new LinkedHashSet<>();
        private final Set<String> dropAttachmentPurposes = new LinkedHashSet<>();
        private boolean dropSubject;

        private Builder() {
        }

        public Builder dropParties(int... indices) {
            for (int i : indices) {
                dropParties.add(i);
            }
            return this;
        }

        public Builder removePartyFields(String... names) {
            removePartyFields.addAll(List.of(names));
            return this;
        }

        /** Masks each named field with {@link #DEFAULT_MASK}. */
        public Builder maskPartyFields(String... names) {
            for (String name : names) {
                maskPartyField(name, DEFAULT_MASK);
            }
            return this;
        }

        public Builder maskPartyField(String name, String mask) {
            require(mask != null, "mask must not be null; use removePartyFields to remove a field");
            maskPartyFields.put(name, mask);
            return this;
        }

        public Builder stripDialogContent(int... indices) {
            for (int i : indices) {
                stripDialogContent.add(i);
            }
            return this;
        }

        public Builder dropDialogs(int... indices) {
            for (int i : indices) {
                dropDialogs.add(i);
            }
            return this;
        }

        public Builder dropAnalysis(String... types) {
            dropAnalysisTypes.addAll(List.of(types));
            return this;
        }

        public Builder dropAttachments(String... purposes) {
            dropAttachmentPurposes.addAll(List.of(purposes));
            return this;
        }

        public Builder dropSubject() {
            dropSubject = true;
            return this;
        }

        public RedactionPlan build() {
            return new RedactionPlan(dropParties, removePartyFields, maskPartyFields, stripDialogContent, dropDialogs,
                    dropAnalysisTypes, dropAttachmentPurposes, dropSubject);
        }
    }
}
