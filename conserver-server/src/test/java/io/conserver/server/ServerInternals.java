package io.conserver.server;

import io.conserver.app.runtime.RuntimeParts;
import io.conserver.domain.port.out.WorkQueue;
import io.conserver.server.config.ConserverConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.List;

/** Looks inside a running test server where the API offers no view, such as an ingress list's ids. */
public final class ServerInternals {
    private ServerInternals() {
    }

    public static WorkQueue queue(DropwizardAppExtension<ConserverConfiguration> app) {
        ConserverApplication application = app.getApplication();
        return application.injector().getInstance(RuntimeParts.class).queue();
    }

    /** The ids waiting on {@code list}, head first (at most 1000). */
    public static List<String> waiting(DropwizardAppExtension<ConserverConfiguration> app, String list) {
        return queue(app).peek(list, 0, 1000);
    }
}
