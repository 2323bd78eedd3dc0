package io.conserver.domain.link;

/**
 * One step of a chain. A link is handed a vCon's id and a lazy view of the vCon, and says what
 * happens next through its {@link LinkOutcome}. It reads the document only if it needs it; the
 * runtime loads it at most once per chain run and writes it back once, at the end or before a
 * hand-off.
 *
 * <p>Links are immutable once created and thread-safe: one instance serves every worker of every
 * chain that names it. A link never mutates the vCon it receives; it returns a changed copy. It
 * should respond to interruption: the runtime interrupts a link that overruns its timeout.
 */
public interface Link extends AutoCloseable {

    /**
     * Processes one vCon.
     *
     * @throws Exception any failure. The runtime retries the link under the chain's error policy and
     *     dead-letters the vCon when the attempts are used up; a {@code ConserverException} of category
     *     INVALID_INPUT or NOT_FOUND says retrying cannot help, and is dead-lettered at once
     */
    LinkOutcome apply(LinkInput input, LinkContext context) throws Exception;

    /** Releases what the link holds. */
    @Override
    default void close() {
    }
}
