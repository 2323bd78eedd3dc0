package io.conserver.app.link.handoff;

import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;

/** Builds {@link HandoffLink}s: type {@code handoff}. */
public final class HandoffLinkFactory implements LinkFactory<HandoffLink.Options> {
    public static final String TYPE = "handoff";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<HandoffLink.Options> optionsType() {
        return HandoffLink.Options.class;
    }

    @Override
    public Link create(String name, HandoffLink.Options options) {
        return new HandoffLink(options);
    }
}
