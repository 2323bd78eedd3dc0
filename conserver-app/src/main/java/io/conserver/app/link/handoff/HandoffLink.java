package io.conserver.app.link.handoff;

import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import jakarta.validation.constraints.NotBlank;

/**
 * Hands the vCon to an outside worker without reading it: the runtime stores the vCon (with the
 * changes of earlier links), pushes its id to {@code list}, and resumes the chain at the next link
 * when the worker pushes the id back on the chain's resume list. The outcome carries no vCon: this
 * link neither loads nor changes it, so the runtime stores what earlier links left.
 */
public final class HandoffLink implements Link {
    private final Options options;

    /**
     * The options of a handoff link.
     *
     * @param list the list the outside worker pops vCon ids from
     */
    public record Options(@NotBlank String list) {
    }

    public HandoffLink(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) {
        return new LinkOutcome.HandOff(options.list(), null);
    }
}
