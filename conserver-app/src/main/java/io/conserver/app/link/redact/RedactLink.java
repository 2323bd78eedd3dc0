package io.conserver.app.link.redact;

import io.conserver.app.link.support.NoBlankEntries;
import io.conserver.domain.link.EmittedVcon;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.RedactionPlan;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconRedactor;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Makes a redacted copy of the vCon (draft §4.2): a new uuid, {@code redacted} naming the parent,
 * removed elements left as placeholders so that indices keep their meaning. The copy is emitted to
 * {@code emit_to}; the original is never changed. With {@code keep_original} the chain goes on with
 * the original; without it the chain halts, so that only the redacted copy travels further (the
 * original stays in the working store until it expires, but is neither stored nor sent on).
 */
public final class RedactLink implements Link {
    static final String HALT_REASON = "redacted copy replaces original";

    private final Options options;

    /**
     * The options of a redact link.
     *
     * @param partyFields   party fields to remove (or mask), e.g. {@code tel}, {@code mailto}, {@code name};
     *                      other names are extension fields
     * @param mask          when set, the replacement for each listed field instead of removing it
     *                      ({@code civicaddress}, an object, is always removed)
     * @param dialogBodies  remove every dialog's body or url, keeping its content_hash
     * @param analysisTypes analyses of these types become placeholders keeping only their type
     * @param removeSubject remove the subject, which often names people
     * @param keepOriginal  go on with the original after emitting the copy; otherwise halt the chain
     * @param emitTo        the lists the redacted copy's id is pushed to once stored
     * @param redactionType what {@code redacted.type} says was redacted
     * @param domain        the domain the copy's UUIDv8 is minted for (draft §4.1)
     */
    public record Options(@NoBlankEntries List<String> partyFields, String mask, Boolean dialogBodies,
                          @NoBlankEntries List<String> analysisTypes, Boolean removeSubject, Boolean keepOriginal,
                          @NoBlankEntries List<String> emitTo, @NotBlank String redactionType, @NotBlank String domain) {
        public static final String DEFAULT_REDACTION_TYPE = "PII Redaction";
        public static final String DEFAULT_DOMAIN = "conserver.invalid";

        public Options {
            partyFields = copy(partyFields);
            dialogBodies = dialogBodies != null && dialogBodies;
            removeSubject = removeSubject != null && removeSubject;
            analysisTypes = copy(analysisTypes);
            keepOriginal = keepOriginal == null || keepOriginal;
            emitTo = copy(emitTo);
            redactionType = redactionType == null ? DEFAULT_REDACTION_TYPE : redactionType;
            domain = domain == null ? DEFAULT_DOMAIN : domain;
        }

        private static List<String> copy(List<String> list) {
            return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
        }
    }

    public RedactLink(Options options) {
        this.options = options;
        plan(options, 0);
    }

    public Options options() {
        return options;
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        Vcon parent = input.vcon();
        Vcon redacted = VconRedactor.redact(parent, options.redactionType(), plan(options, parent.dialog().size()),
                options.domain(), context.clock());
        LinkOutcome then = options.keepOriginal() ? LinkOutcome.unchanged() : LinkOutcome.halt(HALT_REASON);
        return new LinkOutcome.Emit(List.of(new EmittedVcon(redacted, options.emitTo())), then);
    }

    /** The plan for a vCon with {@code dialogs} dialogs; built at creation too, to fail early on bad options. */
    private static RedactionPlan plan(Options options, int dialogs) {
        RedactionPlan.Builder b = RedactionPlan.builder();
        for (String field : options.partyFields()) {
            if (options.mask() == null || field.equals("civicaddress")) {
                b.removePartyFields(field);
            } else {
                b.maskPartyField(field, options.mask());
            }
        }
        b.dropAnalysis(options.analysisTypes().toArray(String[]::new));
        if (options.dialogBodies()) {
            b.stripDialogContent(IntStream.range(0, dialogs).toArray());
        }
        if (options.removeSubject()) {
            b.dropSubject();
        }
        return b.build();
    }
}
