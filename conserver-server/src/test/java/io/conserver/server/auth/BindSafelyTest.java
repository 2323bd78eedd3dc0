package io.conserver.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.server.TestServer;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without an API token the API must not listen on a network interface. */
class BindSafelyTest {
    @Test
    void withoutTokensAnApplicationConnectorOnEveryInterfaceIsRebound() {
        HttpConnectorFactory wildcard = connector("0.0.0.0");
        HttpConnectorFactory unset = connector(null);
        HttpConnectorFactory lan = connector("192.168.1.10");
        HttpConnectorFactory loopback = connector("localhost");
        HttpConnectorFactory admin = connector(null);
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(wildcard, unset, lan, loopback));
        server.setAdminConnectors(List.of(admin));

        TestServer.bindSafely(server, true);

        assertThat(wildcard.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(unset.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(lan.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(loopback.getBindHost()).isEqualTo("localhost");
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void withTokensTheConfiguredHostsStay() {
        HttpConnectorFactory wildcard = connector("0.0.0.0");
        HttpConnectorFactory unset = connector(null);
        HttpConnectorFactory admin = connector(null);
        HttpConnectorFactory namedAdmin = connector("10.0.0.5");
        DefaultServerFactory server = new DefaultServerFactory();
        server.setApplicationConnectors(List.of(wildcard, unset));
        server.setAdminConnectors(List.of(admin, namedAdmin));

        TestServer.bindSafely(server, false);

        assertThat(wildcard.getBindHost()).isEqualTo("0.0.0.0");
        assertThat(unset.getBindHost()).isNull();
        // the admin port stays on loopback unless it names a host, tokens or not
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(namedAdmin.getBindHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void theSimpleServerIsCoveredToo() {
        HttpConnectorFactory connector = connector("0.0.0.0");
        SimpleServerFactory server = new SimpleServerFactory();
        server.setConnector(connector);

        TestServer.bindSafely(server, true);

        assertThat(connector.getBindHost()).isEqualTo("127.0.0.1");
    }

    private static HttpConnectorFactory connector(String host) {
        HttpConnectorFactory connector = new HttpConnectorFactory();
        connector.setBindHost(host);
        return connector;
    }
}
