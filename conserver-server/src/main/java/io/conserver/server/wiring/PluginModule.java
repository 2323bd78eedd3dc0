package io.conserver.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import io.conserver.adapters.storage.file.FileStorageFactory;
import io.conserver.app.config.OptionsBinder;
import io.conserver.app.link.BuiltinLinks;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.app.runtime.Plugins;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.port.out.StorageFactory;
import java.util.Set;

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

    /** The compiler that checks and builds a configuration against exactly the plugins listed here. */
    @Provides
    @Singleton
    ConfigCompiler compiler(Set<LinkFactory<?>> links, Set<StorageFactory<?>> storages) {
        return new ConfigCompiler(new Plugins(links, storages), new OptionsBinder());
    }
}
