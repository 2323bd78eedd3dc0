package io.conserver.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.conserver.adapters.storage.file.FileStorageFactory;
import io.conserver.app.link.BuiltinLinks;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.port.out.StorageFactory;

/**
 * Registers every link and storage type, explicitly: a plugin exists when it is listed here, never
 * because a class happened to be on the classpath.
 */
public final class PluginModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder<LinkFactory<?>> links = Multibinder.newSetBinder(binder(), new TypeLiteral<LinkFactory<?>>() { });
        BuiltinLinks.factories().forEach(factory -> links.addBinding().toInstance(factory));
        Multibinder<StorageFactory<?>> storages = Multibinder.newSetBinder(binder(), new TypeLiteral<StorageFactory<?>>() { });
        storages.addBinding().toInstance(new FileStorageFactory());
    }
}
