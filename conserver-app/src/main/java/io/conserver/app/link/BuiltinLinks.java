package io.conserver.app.link;

import io.conserver.app.link.diet.DietLinkFactory;
import io.conserver.app.link.expire.ExpireLinkFactory;
import io.conserver.app.link.handoff.HandoffLinkFactory;
import io.conserver.app.link.jq.JqLinkFactory;
import io.conserver.app.link.redact.RedactLinkFactory;
import io.conserver.app.link.sampler.SamplerLinkFactory;
import io.conserver.app.link.tag.TagLinkFactory;
import io.conserver.app.link.tagrouter.TagRouterLinkFactory;
import io.conserver.app.link.validate.ValidateLinkFactory;
import io.conserver.app.link.webhook.WebhookLinkFactory;
import io.conserver.domain.link.LinkFactory;
import java.util.List;

/** The link types that ship with the conserver, listed in one place. */
public final class BuiltinLinks {
    private BuiltinLinks() {
    }

    public static List<LinkFactory<?>> factories() {
        return List.of(new TagLinkFactory(), new TagRouterLinkFactory(), new JqLinkFactory(), new SamplerLinkFactory(),
                new ExpireLinkFactory(), new DietLinkFactory(), new WebhookLinkFactory(), new HandoffLinkFactory(),
                new ValidateLinkFactory(), new RedactLinkFactory());
    }
}
