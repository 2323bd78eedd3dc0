package io.conserver.app.link.webhook;

import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;

/** Builds {@link WebhookLink}s: type {@code webhook}. */
public final class WebhookLinkFactory implements LinkFactory<WebhookLink.Options> {
    public static final String TYPE = "webhook";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<WebhookLink.Options> optionsType() {
        return WebhookLink.Options.class;
    }

    @Override
    public Link create(String name, WebhookLink.Options options) {
        try {
            return new WebhookLink(options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook link " + name + ": " + e.getMessage(), e);
        }
    }
}
