package io.conserver.adapters.embedded;

import io.conserver.domain.contract.ProcessingHistoryContractTest;
import io.conserver.domain.port.out.ProcessingHistory;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteProcessingHistoryTest extends ProcessingHistoryContractTest {
    @TempDir
    Path dataDirectory;
    private EmbeddedDatabase db;

    @Override
    protected ProcessingHistory newHistory() {
        db = EmbeddedDatabase.open(dataDirectory);
        return new SqliteProcessingHistory(db);
    }

    @Override
    protected void closeHistory(ProcessingHistory history) {
        db.close();
    }
}
