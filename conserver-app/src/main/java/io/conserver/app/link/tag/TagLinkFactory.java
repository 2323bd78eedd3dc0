package io.conserver.app.link.tag;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link TagLink}s for configuration entries of type {@code tag}. */
public final class TagLinkFactory implements LinkFactory<TagLink.Options> {
    @Override
    public String type() {
        return "tag";
    }

    @Override
    public Class<TagLink.Options> optionsType() {
        return TagLink.Options.class;
    }

    @Override
    public TagLink create(String name, TagLink.Options options) {
        return new TagLink(options);
    }
}
