package io.conserver.app.runtime;

import io.conserver.domain.port.out.HistoryEntry;
import java.util.List;

/**
 * Where a handed-off vCon picks up its chain again. The position is kept in the vCon's processing
 * history (the chain-level "handoff" entry), so no extra key is needed and any instance can resume it.
 */
final class Resume {
    /** The link name of chain-level history entries. */
    static final String CHAIN_ENTRY = "(chain)";
    private static final String PREFIX = "resume_at=";

    private Resume() {
    }

    static String marker(int nextLink) {
        return PREFIX + nextLink;
    }

    /** The link index to resume {@code chain} at, from the latest hand-off in the history; 0 if none. */
    static int position(String chain, List<HistoryEntry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry entry = history.get(i);
            if (entry.chain().equals(chain) && entry.link().equals(CHAIN_ENTRY) && entry.outcome().equals("handoff")
                    && entry.detail().startsWith(PREFIX)) {
                return Integer.parseInt(entry.detail().substring(PREFIX.length()));
            }
        }
        return 0;
    }
}
