package io.conserver.server.wiring;

import com.codahale.metrics.MetricRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.runtime.RuntimeParts;
import io.conserver.app.usecase.ConfigChanges;
import io.conserver.app.usecase.KnownLists;
import io.conserver.app.usecase.ListOperations;
import io.conserver.app.usecase.SecretMasker;
import io.conserver.app.usecase.VconChanges;
import io.conserver.app.usecase.VconIntake;
import io.conserver.app.usecase.VconQueries;
import io.conserver.domain.vcon.ValidationOptions;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.server.admin.MetricsRunListener;
import io.conserver.server.config.ConserverConfiguration;
import java.util.Set;

/**
 * Binds the use cases and the engine over the working store. The store itself is opened by the
 * application (it must close last), so it comes in as an instance.
 */
public final class ConserverModule extends AbstractModule {
    private final ConserverConfiguration configuration;
    private final WorkingStore store;
    private final MetricRegistry metrics;
    private final Set<String> substitutedValues;

    public ConserverModule(ConserverConfiguration configuration, WorkingStore store, MetricRegistry metrics,
                           Set<String> substitutedValues) {
        this.configuration = configuration;
        this.store = store;
        this.metrics = metrics;
        this.substitutedValues = substitutedValues;
    }

    @Override
    protected void configure() {
        install(new PluginModule());
        bind(ConserverConfiguration.class).toInstance(configuration);
        bind(RuntimeParts.class).toInstance(store.parts());
        bind(WorkingStore.class).toInstance(store);
        bind(MetricRegistry.class).toInstance(metrics);
        bind(SecretMasker.class).toInstance(new SecretMasker(substitutedValues));
    }

    @Provides
    @Singleton
    ConserverEngine engine(RuntimeParts parts, ConfigCompiler compiler) {
        return new ConserverEngine(parts, compiler, configuration.getEngine().build(), new MetricsRunListener(metrics));
    }

    @Provides
    @Singleton
    VconCodec codec() {
        ValidationOptions options = "strict".equals(configuration.getApi().getValidation())
                ? ValidationOptions.strict() : ValidationOptions.lenient();
        return new VconCodec(options.withMaxBytes(configuration.getApi().getMaxVconSize().toBytes()));
    }

    @Provides
    @Singleton
    VconIntake intake(RuntimeParts parts, VconCodec codec, ConserverEngine engine) {
        return new VconIntake(parts.store(), parts.queue(), store.ingest(), VconOpeners.from(configuration.getApi(), codec),
                new KnownLists(engine::ingressLists));
    }

    @Provides
    @Singleton
    VconChanges changes(RuntimeParts parts, VconCodec codec, VconIntake intake, ConserverEngine engine) {
        return new VconChanges(parts.store(), parts.history(), codec, intake, engine::storages);
    }

    @Provides
    @Singleton
    VconQueries queries(RuntimeParts parts, ConserverEngine engine) {
        return new VconQueries(parts.store(), parts.history(), engine::storages);
    }

    @Provides
    @Singleton
    ListOperations lists(RuntimeParts parts, ConserverEngine engine) {
        return new ListOperations(parts.queue(), engine::egressLists);
    }

    @Provides
    @Singleton
    ConfigChanges configChanges(RuntimeParts parts, ConfigCompiler compiler, SecretMasker masker) {
        return new ConfigChanges(parts.config(), compiler, masker);
    }
}
