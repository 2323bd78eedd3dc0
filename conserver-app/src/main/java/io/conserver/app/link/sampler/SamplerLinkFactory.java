package io.conserver.app.link.sampler;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link SamplerLink}s for configuration entries of type {@code sampler}. */
public final class SamplerLinkFactory implements LinkFactory<SamplerLink.Options> {
    @Override
    public String type() {
        return "sampler";
    }

    @Override
    public Class<SamplerLink.Options> optionsType() {
        return SamplerLink.Options.class;
    }

    @Override
    public SamplerLink create(String name, SamplerLink.Options options) {
        return new SamplerLink(options);
    }
}
