package io.conserver.app.link.expire;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link ExpireLink}s for configuration entries of type {@code expire}. */
public final class ExpireLinkFactory implements LinkFactory<ExpireLink.Options> {
    @Override
    public String type() {
        return "expire";
    }

    @Override
    public Class<ExpireLink.Options> optionsType() {
        return ExpireLink.Options.class;
    }

    @Override
    public ExpireLink create(String name, ExpireLink.Options options) {
        return new ExpireLink(options);
    }
}
