package io.conserver.adapters.storage.file;

import io.conserver.domain.contract.StorageContractTest;
import io.conserver.domain.port.out.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract against flat files, and against the dated, gzipped layout with its pointer index. */
class FileStorageContractTest extends StorageContractTest {
    @TempDir
    Path dir;

    @Override
    protected Storage newStorage() {
        return new FileStorage("contract", new FileStorage.Options(dir.toString(), false, "none", null, null, null));
    }

    @Nested
    class DatedAndCompressed extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return new FileStorage("contract-dated",
                    new FileStorage.Options(dir.resolve("dated").toString(), true, "gzip", null, null, null));
        }
    }
}
