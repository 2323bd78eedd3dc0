package io.conserver.server.cli;

import com.google.inject.Guice;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.runtime.ConfigCompiler;
import io.conserver.domain.port.out.ConfigSnapshot;
import io.conserver.server.config.ConserverConfiguration;
import io.conserver.server.wiring.PluginModule;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code conserver check conserver.yml}: Dropwizard's own checks of the file, then every chain,
 * link and storage compiled as the server would, every problem printed with its path.
 */
public final class CheckConfigCommand extends ConfiguredCommand<ConserverConfiguration> {
    private final Application<ConserverConfiguration> application;

    public CheckConfigCommand(Application<ConserverConfiguration> application) {
        super("check", "Checks a configuration file and prints every problem with its path");
        this.application = application;
    }

    @Override
    protected Class<ConserverConfiguration> getConfigurationClass() {
        return application.getConfigurationClass();
    }

    @Override
    protected void run(Bootstrap<ConserverConfiguration> bootstrap, Namespace namespace, ConserverConfiguration configuration) {
        ConfigCompiler compiler = Guice.createInjector(new PluginModule()).getInstance(ConfigCompiler.class);
        compiler.check(new ConfigSnapshot(1, ConfigDocuments.split(configuration.pluginSections())));
        System.out.println("configuration OK: " + configuration.getChains().size() + " chains, "
                + configuration.getLinks().size() + " links, " + configuration.getStorages().size() + " storages");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof InvalidConfigException invalid) {
            cli.getStdErr().println("configuration has " + invalid.problems().size() + " problem(s):");
            invalid.problems().forEach(p -> cli.getStdErr().println("  " + p));
        } else {
            cli.getStdErr().println(e.getMessage());
        }
    }
}
