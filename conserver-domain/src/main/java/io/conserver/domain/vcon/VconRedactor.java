package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.VconReferences.checkDialog;
import static io.conserver.domain.vcon.VconReferences.checkParty;
import static io.conserver.domain.vcon.VconReferences.require;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Derives new vCons from existing ones, as the draft requires instead of editing a vCon that may
 * have been signed: a redacted copy (§4.2) or an amended copy (§4.3). Each gets its own uuid and
 * points back to its source; the source is left untouched.
 */
public final class VconRedactor {
    private VconRedactor() {
    }

    /**
     * A redacted copy of {@code parent}: a new uuid minted for {@code domain}, {@code redacted} naming
     * the parent, {@code created_at} now. Dropped elements become placeholders so indices stay
     * stable. Top-level extension fields are copied; a plan cannot see inside them.
     *
     * <p>A stripped dialog keeps only the hashes it already had. None is computed for inline content
     * that lacked one, because the hash of a short text ("yes", a card number) can be reversed by
     * guessing, which would leak what was redacted.
     *
     * @throws IllegalArgumentException when the plan names a party or dialog the parent does not have
     */
    public static Vcon redact(Vcon parent, String redactionType, RedactionPlan plan, String domain, Clock clock) {
        require(redactionType != null && !redactionType.isBlank(), "redactionType must say what was redacted");
        plan.dropParties().forEach(i -> checkParty(parent, i, "plan.dropParties"));
        plan.dropDialogs().forEach(i -> checkDialog(parent, i, "plan.dropDialogs"));
        plan.stripDialogContent().forEach(i -> checkDialog(parent, i, "plan.stripDialogContent"));
        return Vcon.builder().uuid(VconUuid.forDomain(domain, clock)).createdAt(Vcon.now(clock))
                .subject(plan.dropSubject() ? null : parent.subject())
                .extensions(parent.extensions()).critical(parent.critical())
                .redacted(Redacted.of(parent.uuid(), redactionType))
                .parties(parties(parent.parties(), plan)).dialog(dialogs(parent.dialog(), plan))
                .analysis(parent.analysis().stream().map(a -> plan.dropAnalysisTypes().contains(a.type())
                        ? analysisPlaceholder(a) : a).toList())
                .attachments(parent.attachments().stream().map(a -> plan.dropAttachmentPurposes().contains(a.purpose())
                        ? new Attachment(a.purpose(), null, null, null, null, null, null, null) : a).toList())
                .extras(parent.extras()).build();
    }

    /**
     * An amended copy of {@code prior}: {@code change} applied to it, a new uuid minted for
     * {@code domain}, {@code amended} naming the prior version, no {@code redacted} (the two are
     * mutually exclusive), {@code updated_at} now. Whatever {@code change} does to those four fields
     * is overwritten. The model is immutable, so sharing its parts is the deep copy the draft asks for.
     */
    public static Vcon amend(Vcon prior, UnaryOperator<Vcon> change, String domain, Clock clock) {
        Vcon changed = requireNonNull(change.apply(prior), "change must return a vCon");
        return changed.toBuilder().uuid(VconUuid.forDomain(domain, clock)).amended(Amended.of(prior.uuid()))
                .redacted(null).updatedAt(Vcon.now(clock)).build();
    }

    private static List<Party> parties(List<Party> parties, RedactionPlan plan) {
        List<Party> result = new ArrayList<>(parties.size());
        for (int i = 0; i < parties.size(); i++) {
            result.add(plan.dropParties().contains(i) ? Party.builder().build() : editFields(parties.get(i), plan));
        }
        return result;
    }

    private static Party editFields(Party party, RedactionPlan plan) {
        Party edited = party;
        for (String field : plan.removePartyFields()) {
            edited = replace(edited, field, null);
        }
        for (Map.Entry<String, String> mask : plan.maskPartyFields().entrySet()) {
            edited = replace(edited, mask.getKey(), mask.getValue());
        }
        return edited;
    }

    /** Sets a present field to {@code mask}, or removes it when {@code mask} is null; absent fields stay absent. */
    private static Party replace(Party p, String field, String mask) {
        Party.Builder b = p.toBuilder();
        switch (field) {
            case "tel" -> b.tel(masked(p.tel(), mask));
            case "sip" -> b.sip(masked(p.sip(), mask));
            case "stir" -> b.stir(masked(p.stir(), mask));
            case "mailto" -> b.mailto(masked(p.mailto(), mask));
            case "name" -> b.name(masked(p.name(), mask));
            case "did" -> b.did(masked(p.did(), mask));
            case "validation" -> b.validation(masked(p.validation(), mask));
            case "gmlpos" -> b.gmlpos(masked(p.gmlpos(), mask));
            case "civicaddress" -> b.civicaddress(null);
            case "uuid" -> b.uuid(masked(p.uuid(), mask));
            case "type" -> b.type(masked(p.type(), mask));
            case "org" -> b.org(masked(p.org(), mask));
            case "dept" -> b.dept(masked(p.dept(), mask));
            default -> {
                if (p.extras().has(field)) {
                    b.extras(mask == null ? p.extras().without(field) : p.extras().with(field, TextNode.valueOf(mask)));
                }
            }
        }
        return b.build();
    }

    private static String masked(String value, String mask) {
        return value == null ? null : mask;
    }

    private static List<Dialog> dialogs(List<Dialog> dialogs, RedactionPlan plan) {
        List<Dialog> result = new ArrayList<>(dialogs.size());
        for (int i = 0; i < dialogs.size(); i++) {
            Dialog d = dialogs.get(i);
            if (plan.dropDialogs().contains(i)) {
                result.add(Dialog.builder(d.type()).disposition(d.isIncomplete() ? d.disposition() : null).build());
            } else if (plan.stripDialogContent().contains(i)) {
                result.add(d.toBuilder().content(new Content(null, null, null, d.content().contentHash())).build());
            } else {
                result.add(d);
            }
        }
        return result;
    }

    /**
     * Keeps only {@code type}: unlike an empty {@code {}}, it tells a reader what used to be in the
     * slot (as the -04 dialog placeholder keeps its type) without revealing anything, since the type
     * is what the plan selected on.
     */
    private static Analysis analysisPlaceholder(Analysis a) {
        return new Analysis(a.type(), null, null, null, null, null, null, null, null, null);
    }
}
