package io.conserver.app.link.redact;

import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;

/** Builds {@link RedactLink}s: type {@code redact}. */
public final class RedactLinkFactory implements LinkFactory<RedactLink.Options> {
    public static final String TYPE = "redact";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<RedactLink.Options> optionsType() {
        return RedactLink.Options.class;
    }

    @Override
    public Link create(String name, RedactLink.Options options) {
        return new RedactLink(options);
    }
}
