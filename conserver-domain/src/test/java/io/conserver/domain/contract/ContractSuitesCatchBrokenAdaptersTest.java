package io.conserver.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Proof that the contract suites can fail: each row runs one contract test against an adapter from
 * {@link BrokenAdapters}, which has one deliberate bug, and expects that test to fail. A suite that
 * passed a broken adapter would be checking nothing.
 */
class ContractSuitesCatchBrokenAdaptersTest {

    @ParameterizedTest(name = "{0} fails {1}")
    @CsvSource({
            "StoreIgnoringTtl, anElapsedTtlMakesTheVconInvisibleEverywhere",
            "StoreOringSearchTerms, searchAndsItsTerms",
            "StoreKeepingOldIndexes, putReplacingReindexesParties",
            "QueueReleasingToTheTail, releasePutsTheItemBackAtTheHead",
            "QueueThatNeverWaits, aWaitingTakeWakesUpWhenAnotherThreadPushes",
            "QueueThatNeverWaits, takeFromAnEmptyListReturnsEmptyAfterTheWait",
            "QueueRequeueingToTheTail, requeueExpiredPutsExpiredItemsBackAtTheHeadInTheirOrder",
            "ConfigStoreThatNeverCalls, listenersHearOfEveryChangeWithTheNewVersion",
            "BusIgnoringChannels, aSubscriberHearsNothingOfOtherChannels",
            "HistoryNewestFirst, laterAppendsFollowEarlierOnes",
            "StorageKeepingTheFirstSave, savingTwiceKeepsOneCopyTheLatest",
    })
    void theSuiteCatchesTheBug(String brokenAdapter, String test) throws ClassNotFoundException {
        Class<?> suite = Class.forName(BrokenAdapters.class.getName() + "$" + brokenAdapter);
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectMethod(suite, test)).execute()
                .testEvents();
        events.assertStatistics(stats -> stats.started(1).failed(1));
        // Failing by an assertion or an await, not by a bug in the broken adapter itself.
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).isInstanceOfAny(AssertionError.class, ConditionTimeoutException.class);
    }
}
