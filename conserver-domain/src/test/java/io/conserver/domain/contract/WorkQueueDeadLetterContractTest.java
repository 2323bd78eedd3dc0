package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.domain.port.out.DeadLetter;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The dead-letter half of {@link WorkQueueContractTest}. Adapters extend {@link WorkQueueContractTest},
 * which supplies the queue; this class only keeps the suite in readable pieces.
 */
abstract class WorkQueueDeadLetterContractTest {
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    /** The queue under test, fresh for each test. */
    protected abstract WorkQueue queue();

    @Test
    void aDeadLetterKeepsEveryField() {
        DeadLetter full = new DeadLetter("uuid-1", "link transcribe failed: 503", "main", "transcribe", 3, AT,
                Optional.of("ingress"));
        DeadLetter bare = new DeadLetter("uuid-2", "storage s3 failed", "", "s3", 1, AT.plusMillis(5), Optional.empty());
        queue().deadLetter("dlq", full);
        queue().deadLetter("dlq", bare);
        assertThat(queue().deadLetters("dlq", 0, 10)).containsExactly(full, bare);
    }

    @Test
    void deadLettersAreKeptOldestFirstAndPaged() {
        List<DeadLetter> entries = deadLetters(5);
        entries.forEach(e -> queue().deadLetter("dlq", e));
        assertThat(queue().deadLetters("dlq", 0, 2)).containsExactlyElementsOf(entries.subList(0, 2));
        assertThat(queue().deadLetters("dlq", 2, 2)).containsExactlyElementsOf(entries.subList(2, 4));
        assertThat(queue().deadLetters("dlq", 4, 10)).containsExactlyElementsOf(entries.subList(4, 5));
        assertThat(queue().deadLetters("dlq", 5, 10)).isEmpty();
        assertThat(queue().deadLetters("missing", 0, 10)).isEmpty();
    }

    @Test
    void deadLetterCountCountsOneList() {
        deadLetters(3).forEach(e -> queue().deadLetter("one", e));
        deadLetters(2).forEach(e -> queue().deadLetter("two", e));
        assertThat(queue().deadLetterCount("one")).isEqualTo(3);
        assertThat(queue().deadLetterCount("two")).isEqualTo(2);
        assertThat(queue().deadLetterCount("missing")).isZero();
    }

    @Test
    void removeDeadLettersRemovesTheOldest() {
        List<DeadLetter> entries = deadLetters(5);
        entries.forEach(e -> queue().deadLetter("dlq", e));
        assertThat(queue().removeDeadLetters("dlq", 2)).isEqualTo(2);
        assertThat(queue().deadLetters("dlq", 0, 10)).containsExactlyElementsOf(entries.subList(2, 5));
        assertThat(queue().removeDeadLetters("dlq", 10)).isEqualTo(3);
        assertThat(queue().removeDeadLetters("dlq", 10)).isZero();
        assertThat(queue().deadLetterCount("dlq")).isZero();
    }

    @Test
    void deadLetterListsNamesEveryNonEmptyList() {
        deadLetters(2).forEach(e -> queue().deadLetter("one", e));
        deadLetters(1).forEach(e -> queue().deadLetter("two", e));
        deadLetters(1).forEach(e -> queue().deadLetter("emptied", e));
        queue().removeDeadLetters("emptied", 1);
        assertThat(queue().deadLetterLists()).containsOnly(
                org.assertj.core.api.Assertions.entry("one", 2L), org.assertj.core.api.Assertions.entry("two", 1L));
    }

    @Test
    void deadLettersAreApartFromWorkLists() {
        queue().push("dlq", "work");
        queue().deadLetter("dlq", deadLetters(1).get(0));
        assertThat(queue().length("dlq")).isEqualTo(1);
        assertThat(queue().deadLetterCount("dlq")).isEqualTo(1);
        assertThat(queue().peek("dlq", 0, 10)).containsExactly("work");
    }

    private static List<DeadLetter> deadLetters(int n) {
        List<DeadLetter> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new DeadLetter("uuid-" + i, "reason " + i, "main", "link" + i, i + 1, AT.plusSeconds(i),
                    i % 2 == 0 ? Optional.of("ingress") : Optional.empty()));
        }
        return entries;
    }
}
