package io.conserver.app.link.tagrouter;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link TagRouterLink}s for configuration entries of type {@code tag_router}. */
public final class TagRouterLinkFactory implements LinkFactory<TagRouterLink.Options> {
    @Override
    public String type() {
        return "tag_router";
    }

    @Override
    public Class<TagRouterLink.Options> optionsType() {
        return TagRouterLink.Options.class;
    }

    @Override
    public TagRouterLink create(String name, TagRouterLink.Options options) {
        return new TagRouterLink(options);
    }
}
