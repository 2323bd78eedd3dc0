package io.conserver.domain.vcon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dialog's {@code parties}, kept in the exact JSON shape it was given because the shape carries
 * meaning: a single index ({@code 0}), one entry per channel ({@code [0, 1]}), a channel mixing several
 * parties ({@code [[0, 2], 1]}), or an empty channel ({@code [null, 1]}).
 *
 * @param scalar   true for the bare-integer form; then {@code channels} holds one single-index channel
 * @param channels the entries of the array form, in order
 */
public record DialogParties(boolean scalar, List<Channel> channels) {
    public static final DialogParties NONE = new DialogParties(false, List.of());

    /**
     * One entry of the array.
     *
     * @param indexes the party indices on this channel; empty for a {@code null} entry
     * @param mixed   true when the entry is itself an array of indices
     */
    public record Channel(List<Integer> indexes, boolean mixed) {
        public Channel {
            indexes = List.copyOf(indexes);
        }

        /** The channels of the first parties, shared: nearly every dialog of every vCon names them. */
        private static final Channel[] FIRST = new Channel[16];

        static {
            for (int i = 0; i < FIRST.length; i++) {
                FIRST[i] = new Channel(List.of(i), false);
            }
        }

        public static Channel of(int index) {
            return index >= 0 && index < FIRST.length ? FIRST[index] : new Channel(List.of(index), false);
        }

        public boolean isEmptyChannel() {
            return indexes.isEmpty() && !mixed;
        }
    }

    public DialogParties {
        channels = List.copyOf(channels);
        if (scalar && (channels.size() != 1 || channels.get(0).indexes().size() != 1 || channels.get(0).mixed())) {
            throw new IllegalArgumentException("a scalar parties value holds exactly one index");
        }
    }

    public static DialogParties single(int index) {
        return new DialogParties(true, List.of(Channel.of(index)));
    }

    /** {@code [i, j, ...]}: the usual form, one party per channel or per side of a conversation. */
    public static DialogParties of(int... indexes) {
        return new DialogParties(false, Arrays.stream(indexes).mapToObj(Channel::of).toList());
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }

    /** Every party index mentioned, in first-seen order, without duplicates. */
    public List<Integer> allIndexes() {
        Set<Integer> seen = new LinkedHashSet<>();
        channels.forEach(c -> seen.addAll(c.indexes()));
        return new ArrayList<>(seen);
    }

    public boolean mentions(int party) {
        return channels.stream().anyMatch(c -> c.indexes().contains(party));
    }
}
