package io.conserver.app.link.tagrouter;

import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.config.ConfigProblem;
import io.conserver.app.link.LinkTesting.Run;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconTags;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRouterLinkTest {
    private static final TagRouterLinkFactory FACTORY = new TagRouterLinkFactory();
    private static final String ROUTES = "tag_routes: {urgent: 'urgent_vcons', vip: 'vip_vcons', spam: 'junk'}";

    private static Vcon tagged(String... names) {
        Vcon vcon = vcon();
        for (String name : names) {
            vcon = VconTags.addTag(vcon, name, "yes");
        }
        return vcon;
    }

    @Test
    void pushesToTheListOfEachRoutedTagInTagOrderAndGoesOn() throws Exception {
        Run run = apply(FACTORY, "{" + ROUTES + "}", tagged("vip", "other", "urgent"));

        assertThat(run.pushed()).containsExactly("vip_vcons", "urgent_vcons");
        assertThat(run.outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run.loads()).isEqualTo(1);
    }

    @Test
    void pushesOnceToAListSeveralTagsRouteTo() throws Exception {
        Run run = apply(FACTORY, "{tag_routes: {a: 'shared', b: 'shared'}}", tagged("a", "b"));

        assertThat(run.pushed()).containsExactly("shared");
    }

    @Test
    void pushesNothingWithoutARoutedTag() throws Exception {
        assertThat(apply(FACTORY, "{" + ROUTES + "}", tagged("other")).pushed()).isEmpty();
        assertThat(apply(FACTORY, "{" + ROUTES + "}", vcon()).pushed()).isEmpty();
    }

    @Test
    void haltsAfterRoutingWhenNotForwardingTheOriginal() throws Exception {
        Run run = apply(FACTORY, "{" + ROUTES + ", forward_original: false}", tagged("spam"));

        assertThat(run.pushed()).containsExactly("junk");
        assertThat(run.outcome()).isEqualTo(LinkOutcome.halt("routed to [junk] and forward_original is false"));
        assertThat(apply(FACTORY, "{" + ROUTES + ", forward_original: false}", vcon()).outcome())
                .isEqualTo(LinkOutcome.halt("no tag matched a route and forward_original is false"));
    }

    @Test
    void hasTypeTagRouter() {
        assertThat(FACTORY.type()).isEqualTo("tag_router");
        assertThat(FACTORY.optionsType()).isEqualTo(TagRouterLink.Options.class);
    }

    @Test
    void forwardsTheOriginalByDefaultAndRoutesAreRequired() {
        assertThat(bind(FACTORY, "{tag_routes: {a: 'l'}}").forwardOriginal()).isTrue();
        assertThat(problems(FACTORY, null))
                .containsExactly(new ConfigProblem("links.x.options.tag_routes", "must not be empty"));
    }

    @Test
    void mapsEveryOptionKeepingRouteOrder() {
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put("urgent", "urgent_vcons");
        routes.put("vip", "vip_vcons");
        routes.put("spam", "junk");

        TagRouterLink.Options options = bind(FACTORY, "{" + ROUTES + ", forward_original: false}");

        assertThat(options).isEqualTo(new TagRouterLink.Options(routes, false));
        assertThat(options.tagRoutes()).containsExactlyEntriesOf(routes);
    }

    @Test
    void rejectsBlankListsAndTagNamesWithAColon() {
        assertThat(problems(FACTORY, "{tag_routes: {'a:b': 'l', c: ' ', d: null}}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.tag_routes");
            assertThat(p.message()).contains("tag name 'a:b'", "list for tag 'c'", "list for tag 'd'");
        });
        assertThat(problems(FACTORY, "{tag_routes: {a: 'l'}, forward_original: 'no'}"))
                .extracting(ConfigProblem::path).containsExactly("links.x.options.forward_original");
    }
}
