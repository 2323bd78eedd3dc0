package io.conserver.app.link.tag;

import static io.conserver.app.link.LinkTesting.NOW;
import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.config.ConfigProblem;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconTags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagLinkTest {
    private static final TagLinkFactory FACTORY = new TagLinkFactory();

    @Test
    void setsBareTagsToTheirNameAndNamedTagsToTheirValue() throws Exception {
        Vcon tagged = apply(FACTORY, "{tags: ['iron', 'band:maiden']}", vcon()).continued();

        assertThat(VconTags.tags(tagged)).containsExactly(Map.entry("iron", "iron"), Map.entry("band", "maiden"));
    }

    @Test
    void splitsOnTheFirstColonOnly() throws Exception {
        Vcon tagged = apply(FACTORY, "{tags: ['source:https://pbx.example.com:8443']}", vcon()).continued();

        assertThat(VconTags.getTag(tagged, "source")).contains("https://pbx.example.com:8443");
    }

    @Test
    void replacesTheValueOfATagAlreadyPresent() throws Exception {
        Vcon before = VconTags.addTag(vcon(), "band", "priest");

        Vcon tagged = apply(FACTORY, "{tags: ['band:maiden']}", before).continued();

        assertThat(VconTags.tags(tagged)).containsExactly(Map.entry("band", "maiden"));
    }

    @Test
    void leavesTheInputAloneAndStampsUpdatedAtFromTheContextClock() throws Exception {
        Vcon before = vcon();

        Vcon tagged = apply(FACTORY, "{tags: ['a']}", before).continued();

        assertThat(before.attachments()).isEmpty();
        assertThat(tagged.updatedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void isUnchangedWhenEveryTagIsAlreadySet() throws Exception {
        Vcon before = VconTags.addTag(VconTags.addTag(vcon(), "a", "a"), "b", "c");

        assertThat(apply(FACTORY, "{tags: ['a', 'b:c']}", before).outcome()).isEqualTo(LinkOutcome.unchanged());
    }

    @Test
    void hasTypeTag() {
        assertThat(FACTORY.type()).isEqualTo("tag");
        assertThat(FACTORY.optionsType()).isEqualTo(TagLink.Options.class);
    }

    @Test
    void tagsHaveNoDefault() {
        assertThat(problems(FACTORY, null))
                .containsExactly(new ConfigProblem("links.x.options.tags", "must not be empty"));
        assertThat(problems(FACTORY, "{tags: []}"))
                .containsExactly(new ConfigProblem("links.x.options.tags", "must not be empty"));
    }

    @Test
    void mapsEveryOption() {
        assertThat(bind(FACTORY, "{tags: ['a', 'b:c']}")).isEqualTo(new TagLink.Options(List.of("a", "b:c")));
        assertThat(FACTORY.create("t", new TagLink.Options(List.of("a", "b:c"))).tags())
                .containsExactly(Map.entry("a", "a"), Map.entry("b", "c"));
    }

    @Test
    void reportsEachMalformedTagAtItsIndex() {
        assertThat(problems(FACTORY, "{tags: ['ok', ':nameless', ' ', null]}")).extracting(ConfigProblem::path)
                .containsExactly("links.x.options.tags[1]", "links.x.options.tags[2]", "links.x.options.tags[3]");
        assertThat(problems(FACTORY, "{tags: [':v']}").get(0).message()).contains("non-empty name");
    }

    @Test
    void rejectsUnknownOptionsAndWrongTypes() {
        assertThat(problems(FACTORY, "{tag: ['a']}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.tag");
            assertThat(p.message()).contains("unknown option 'tag'", "[tags]");
        });
        assertThat(problems(FACTORY, "{tags: 'a'}")).extracting(ConfigProblem::path)
                .containsExactly("links.x.options.tags");
    }
}
