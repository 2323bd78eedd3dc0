package io.conserver.app.link.diet;

import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;

/** Builds {@link DietLink}s: type {@code diet}. */
public final class DietLinkFactory implements LinkFactory<DietLink.Options> {
    public static final String TYPE = "diet";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<DietLink.Options> optionsType() {
        return DietLink.Options.class;
    }

    @Override
    public Link create(String name, DietLink.Options options) {
        try {
            return new DietLink(options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("diet link " + name + ": " + e.getMessage(), e);
        }
    }
}
