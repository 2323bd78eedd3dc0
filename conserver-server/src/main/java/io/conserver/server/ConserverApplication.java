package io.conserver.server;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.app.runtime.ConserverEngine;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.usecase.ConfigChanges;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.server.admin.PrometheusServlet;
import io.conserver.server.admin.QueueDepthGauge;
import io.conserver.server.admin.RebuildIndexesTask;
import io.conserver.server.admin.ReloadConfigTask;
import io.conserver.server.admin.ReprocessDeadLettersTask;
import io.conserver.server.api.ApiExceptionMappers;
import io.conserver.server.api.ChainsResource;
import io.conserver.server.api.CloseAfterRefusal;
import io.conserver.server.api.ConfigResource;
import io.conserver.server.api.DeadLetterResource;
import io.conserver.server.api.ExternalIngressResource;
import io.conserver.server.api.HealthProbe;
import io.conserver.server.admin.ProbeHealthCheck;
import io.conserver.server.api.JsonErrorHandler;
import io.conserver.server.api.ListDepthsResource;
import io.conserver.server.api.ListsResource;
import io.conserver.server.api.OpenApiResource;
import io.conserver.server.api.StatusResource;
import io.conserver.server.api.VconResource;
import io.conserver.server.api.VconsResource;
import io.conserver.server.auth.ApiTokens;
import io.conserver.server.auth.TokenFilter;
import io.conserver.server.cli.CheckConfigCommand;
import io.conserver.server.config.AuthSettings;
import io.conserver.server.config.ConserverConfiguration;
import io.conserver.server.config.RecordingSubstitutor;
import io.conserver.server.wiring.ConserverModule;
import io.conserver.server.wiring.WorkingStore;
import io.conserver.server.wiring.WorkingStores;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conserver process: opens the working store, loads the file's chains, links and storages into
 * it, runs the chain engine, and serves the REST API under {@code /api} and the admin port.
 */
public final class ConserverApplication extends Application<ConserverConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(ConserverApplication.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /**
     * The JAX-RS resources served under {@code /api}, in one list: the OpenAPI document and
     * docs/api.md are checked against the routes of exactly these classes.
     */
    public static final List<Class<?>> RESOURCES = List.of(VconResource.class, VconsResource.class, ListsResource.class,
            ChainsResource.class, DeadLetterResource.class, ListDepthsResource.class, ConfigResource.class,
            ExternalIngressResource.class, StatusResource.class, OpenApiResource.class);

    private final RecordingSubstitutor substitutor;
    private volatile Path configFile;
    private volatile Injector injector;

    public ConserverApplication() {
        this(new RecordingSubstitutor(System::getenv));
    }

    /** For tests: a given environment instead of the process's. */
    public ConserverApplication(RecordingSubstitutor substitutor) {
        this.substitutor = substitutor;
    }

    @Override
    public String getName() {
        return "conserver";
    }

    @Override
    public void initialize(Bootstrap<ConserverConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(
                new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(), substitutor));
    }

    @Override
    protected void addDefaultCommands(Bootstrap<ConserverConfiguration> bootstrap) {
        bootstrap.addCommand(new ServerCommand<>(this) {
            @Override
            protected void run(Bootstrap<ConserverConfiguration> serverBootstrap,
                               net.sourceforge.argparse4j.inf.Namespace namespace,
                               ConserverConfiguration configuration) throws Exception {
                String file = namespace.getString("file");
                configFile = file == null ? null : Path.of(file);
                super.run(serverBootstrap, namespace, configuration);
            }
        });
        bootstrap.addCommand(new CheckConfigCommand(this));
    }

    @Override
    public void run(ConserverConfiguration configuration, Environment environment) throws Exception {
        ApiTokens tokens = new ApiTokens(allTokens(configuration.getAuth()));
        bindSafely(configuration.getServerFactory(), tokens.isEmpty());
        if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
            // Our mappers answer every error in one shape; Dropwizard's would answer some differently.
            server.setRegisterDefaultExceptionMappers(false);
        }
        environment.getObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

        WorkingStore store = WorkingStores.open(configuration.getStore(), Clock.systemUTC());
        injector = Guice.createInjector(new ConserverModule(configuration, store, environment.metrics(),
                substitutor.substitutedValues()));
        ConserverEngine engine = injector.getInstance(ConserverEngine.class);
        ConfigCompiler compiler = injector.getInstance(ConfigCompiler.class);
        loadConfiguration(configuration, store, compiler);
        LOG.info("working store: {}", store.description());

        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                engine.start();
            }

            @Override
            public void stop() throws Exception {
                engine.close();
                store.close();
            }
        });

        environment.jersey().setUrlPattern("/api/*");
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
        environment.jersey().register(new TokenFilter(configuration.getAuth().getHeader(), tokens, listTokens(configuration.getAuth())));
        environment.jersey().register(new CloseAfterRefusal());
        for (Class<?> resource : RESOURCES) {
            environment.jersey().register(injector.getInstance(resource));
        }
        environment.jersey().register(new ApiExceptionMappers.ConserverFailure());
        environment.jersey().register(new ApiExceptionMappers.MalformedJson());
        environment.jersey().register(new ApiExceptionMappers.BadParameter());
        environment.jersey().register(new ApiExceptionMappers.WebFailure());
        environment.jersey().register(new ApiExceptionMappers.Unexpected());

        environment.healthChecks().register("conserver", new ProbeHealthCheck(injector.getInstance(HealthProbe.class)));
        environment.metrics().register("conserver.queue.depth", new QueueDepthGauge(store.parts().queue()));
        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics())).addMapping("/prometheus");
        environment.admin().addTask(new ReprocessDeadLettersTask(engine));
        environment.admin().addTask(new RebuildIndexesTask(store.rebuildIndexes()));
        Supplier<Path> file = () -> configFile;
        environment.admin().addTask(new ReloadConfigTask(file, this::readConfiguration, injector.getInstance(ConfigChanges.class)));
    }

    /** The injector of the running server, for tests. */
    Injector injector() {
        return injector;
    }

    /** Checks the file's plugin sections in full, then replaces the stored configuration with them. */
    private static void loadConfiguration(ConserverConfiguration configuration, WorkingStore store, ConfigCompiler compiler) {
        var entries = ConfigDocuments.split(configuration.pluginSections());
        compiler.check(new ConfigSnapshot(store.parts().config().version() + 1, entries));
        long version = store.parts().config().replaceAll(entries);
        LOG.info("configuration loaded into the store as version {}: {} chains, {} links, {} storages", version,
                configuration.getChains().size(), configuration.getLinks().size(), configuration.getStorages().size());
    }

    /** Reads and validates a configuration file the way the server command does. */
    ConserverConfiguration readConfiguration(Path path) throws Exception {
        Bootstrap<ConserverConfiguration> bootstrap = new Bootstrap<>(this);
        initialize(bootstrap);
        return bootstrap.getConfigurationFactoryFactory()
                .create(ConserverConfiguration.class, bootstrap.getValidatorFactory().getValidator(),
                        bootstrap.getObjectMapper(), "dw")
                .build(bootstrap.getConfigurationSourceProvider(), path.toString());
    }

    /**
     * With no API token, every application connector is bound to loopback: an open API on a network
     * interface would hand conversation data to anyone who can reach the port. The admin port
     * defaults to loopback too unless it names a host.
     */
    static void bindSafely(ServerFactory server, boolean noTokens) {
        List<ConnectorFactory> application = new ArrayList<>();
        List<ConnectorFactory> admin = new ArrayList<>();
        if (server instanceof DefaultServerFactory d) {
            application.addAll(d.getApplicationConnectors());
            admin.addAll(d.getAdminConnectors());
        } else if (server instanceof SimpleServerFactory s) {
            application.add(s.getConnector());
        }
        for (ConnectorFactory connector : application) {
            if (noTokens && connector instanceof HttpConnectorFactory http && !LOOPBACK.contains(String.valueOf(http.getBindHost()))) {
                http.setBindHost("127.0.0.1");
                LOG.warn("no API token is configured (auth.tokens), so the API listens on 127.0.0.1:{} only", http.getPort());
            }
        }
        for (ConnectorFactory connector : admin) {
            if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
                http.setBindHost("127.0.0.1");
            }
        }
    }

    private static List<String> allTokens(AuthSettings auth) throws IOException {
        List<String> tokens = new ArrayList<>(auth.getTokens());
        if (auth.getTokensFile() != null && !auth.getTokensFile().isBlank()) {
            for (String line : Files.readAllLines(Path.of(auth.getTokensFile()))) {
                String token = line.strip();
                if (!token.isEmpty() && !token.startsWith("#")) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    private static Map<String, ApiTokens> listTokens(AuthSettings auth) {
        Map<String, ApiTokens> byList = new LinkedHashMap<>();
        auth.getExternalIngress().forEach((list, tokens) -> byList.put(list, new ApiTokens(tokens)));
        return byList;
    }
}
