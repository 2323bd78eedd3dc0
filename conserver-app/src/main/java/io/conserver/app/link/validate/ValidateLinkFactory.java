package io.conserver.app.link.validate;

import io.conserver.domain.link.LinkFactory;

/** Builds {@link ValidateLink}s for configuration entries of type {@code validate}. */
public final class ValidateLinkFactory implements LinkFactory<ValidateLink.Options> {
    @Override
    public String type() {
        return "validate";
    }

    @Override
    public Class<ValidateLink.Options> optionsType() {
        return ValidateLink.Options.class;
    }

    @Override
    public ValidateLink create(String name, ValidateLink.Options options) {
        return new ValidateLink(options);
    }
}
