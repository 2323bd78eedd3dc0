package io.conserver.app.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.conserver.app.config.OptionsBinder;
import io.conserver.app.link.expire.ExpireLinkFactory;
import io.conserver.app.link.jq.JqLinkFactory;
import io.conserver.app.link.sampler.SamplerLinkFactory;
import io.conserver.app.link.tag.TagLinkFactory;
import io.conserver.app.link.tagrouter.TagRouterLinkFactory;
import io.conserver.app.link.validate.ValidateLinkFactory;
import io.conserver.domain.link.LinkFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@code docs/links/<type>.md} honest: every YAML example binds through the real options
 * binder and builds a link, and the options table lists exactly the options the record has.
 */
class LinkDocsTest {
    private static final Path DOCS = Path.of("../docs/links");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern OPTION_ROW = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE);
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final OptionsBinder BINDER = new OptionsBinder();

    static Stream<LinkFactory<?>> factories() {
        return Stream.of(new TagLinkFactory(), new TagRouterLinkFactory(), new JqLinkFactory(),
                new SamplerLinkFactory(), new ExpireLinkFactory(), new ValidateLinkFactory());
    }

    @ParameterizedTest
    @MethodSource("factories")
    void everyYamlExampleBindsAndBuildsALinkOfThePageType(LinkFactory<?> factory) throws IOException {
        List<String> blocks = yamlBlocks(page(factory));

        assertThat(blocks).as("YAML examples on %s.md", factory.type()).isNotEmpty();
        for (String block : blocks) {
            JsonNode links = YAML.readTree(block).required("links");
            for (Map.Entry<String, JsonNode> entry : links.properties()) {
                assertThat(entry.getValue().required("type").asText()).isEqualTo(factory.type());
                assertThat(build(factory, entry.getKey(), entry.getValue().get("options"))).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void theOptionsTableListsEveryOption(LinkFactory<?> factory) throws IOException {
        String options = page(factory).split("## Options", 2)[1].split("\n## ", 2)[0];
        List<String> documented = new ArrayList<>();
        Matcher row = OPTION_ROW.matcher(options);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsExactlyElementsOf(Arrays.stream(factory.optionsType().getRecordComponents())
                .map(c -> c.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)).toList());
    }

    private static <O> Object build(LinkFactory<O> factory, String name, JsonNode options) {
        return factory.create(name, BINDER.bind("links." + name + ".options", options, factory.optionsType()));
    }

    private static String page(LinkFactory<?> factory) throws IOException {
        return Files.readString(DOCS.resolve(factory.type() + ".md"));
    }

    private static List<String> yamlBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
