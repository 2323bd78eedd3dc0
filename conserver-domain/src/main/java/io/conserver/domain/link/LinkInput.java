package io.conserver.domain.link;

import io.conserver.domain.vcon.Vcon;

/** What a link is given: the vCon's id at once, the vCon itself on demand. */
public interface LinkInput {

    /** The uuid of the vCon being processed. */
    String uuid();

    /**
     * The vCon as left by the previous link, loaded from the store on first call.
     *
     * @throws io.conserver.domain.error.VconNotFoundException when the vCon is not in the store
     */
    Vcon vcon();
}
