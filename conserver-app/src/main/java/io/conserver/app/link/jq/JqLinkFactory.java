package io.conserver.app.link.jq;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link JqLink}s for configuration entries of type {@code jq}. */
public final class JqLinkFactory implements LinkFactory<JqLink.Options> {
    @Override
    public String type() {
        return "jq";
    }

    @Override
    public Class<JqLink.Options> optionsType() {
        return JqLink.Options.class;
    }

    @Override
    public JqLink create(String name, JqLink.Options options) {
        return new JqLink(options);
    }
}
