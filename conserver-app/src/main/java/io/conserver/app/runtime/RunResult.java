package io.conserver.app.runtime;

/** How a chain run ended. */
enum RunResult {
    /** Every link ran; storages and egress are done. */
    DONE,
    /** A link halted the chain: no storage, no egress. */
    HALTED,
    /** A link handed the vCon to an outside worker; the chain resumes when it comes back. */
    HANDED_OFF,
    /** A link kept failing; the vCon is on the chain's dead-letter list. */
    FAILED,
    /** The lease ran out (this worker was too slow or presumed dead); another worker owns the item now. */
    LEASE_LOST
}
