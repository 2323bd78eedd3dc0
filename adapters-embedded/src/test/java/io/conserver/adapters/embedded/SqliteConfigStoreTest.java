package io.conserver.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conserver.domain.contract.ConfigStoreContractTest;
import io.conserver.domain.port.out.ConfigKind;
import io.conserver.domain.port.out.ConfigStore;
import io.conserver.domain.port.out.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConfigStoreTest extends ConfigStoreContractTest {
    @TempDir
    Path dataDirectory;
    private EmbeddedDatabase db;

    @Override
    protected ConfigStore newStore() {
        db = EmbeddedDatabase.open(dataDirectory);
        return new SqliteConfigStore(db);
    }

    @Override
    protected void closeStore(ConfigStore store) {
        ((SqliteConfigStore) store).close();
        db.close();
    }

    @Test
    void listenersHearOfChangesMadeByAnotherProcessOnTheSameFile() {
        List<Long> heard = new CopyOnWriteArrayList<>();
        try (EmbeddedDatabase other = EmbeddedDatabase.open(dataDirectory);
             SqliteConfigStore otherProcess = new SqliteConfigStore(other);
             Subscription ignored = store.onChange(heard::add)) {
            long version = otherProcess.put(ConfigKind.CHAIN, "main", doc("chain", "main"));
            await().atMost(Duration.ofSeconds(2)).until(() -> heard.contains(version));
            assertThat(store.get(ConfigKind.CHAIN, "main")).contains(doc("chain", "main"));
        }
    }

    @Test
    void theConfigurationSurvivesReopeningTheFile() {
        long version = store.put(ConfigKind.LINK, "tagger", doc("tag", "a"));
        ((SqliteConfigStore) store).close();
        db.close();
        db = EmbeddedDatabase.open(dataDirectory);
        try (SqliteConfigStore reopened = new SqliteConfigStore(db)) {
            assertThat(reopened.version()).isEqualTo(version);
            assertThat(reopened.get(ConfigKind.LINK, "tagger")).contains(doc("tag", "a"));
            store = reopened;
        }
    }
}
