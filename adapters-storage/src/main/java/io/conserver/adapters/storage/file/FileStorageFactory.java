package io.conserver.adapters.storage.file;

import io.conserver.domain.port.out.Storage;
import io.conserver.domain.port.out.StorageFactory;

/** Builds {@link FileStorage}s: type {@code file}. */
public final class FileStorageFactory implements StorageFactory<FileStorage.Options> {
    public static final String TYPE = "file";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<FileStorage.Options> optionsType() {
        return FileStorage.Options.class;
    }

    @Override
    public Storage create(String name, FileStorage.Options options) {
        return new FileStorage(name, options);
    }
}
