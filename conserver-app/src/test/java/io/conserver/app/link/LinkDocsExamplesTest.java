package io.conserver.app.link;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.conserver.app.config.OptionsBinder;
import io.conserver.app.link.diet.DietLinkFactory;
import io.conserver.app.link.handoff.HandoffLinkFactory;
import io.conserver.app.link.redact.RedactLinkFactory;
import io.conserver.app.link.webhook.WebhookLinkFactory;
import io.conserver.domain.link.LinkFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every YAML example in docs/links binds and creates a link, so the docs cannot drift from the options. */
class LinkDocsExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, LinkFactory<?>> FACTORIES = Map.of("webhook", new WebhookLinkFactory(),
            "handoff", new HandoffLinkFactory(), "diet", new DietLinkFactory(), "redact", new RedactLinkFactory());

    @ParameterizedTest
    @ValueSource(strings = {"webhook", "handoff", "diet", "redact"})
    void theExampleBinds(String type) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "links", type + ".md"));
        Matcher block = YAML_BLOCK.matcher(page);
        assertThat(block.find()).as("docs/links/%s.md has a yaml example", type).isTrue();
        JsonNode links = YAML.readTree(block.group(1)).path("links");

        int ofType = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryType = entry.getValue().path("type").asText();
            if (FACTORIES.containsKey(entryType)) {
                create(FACTORIES.get(entryType), entry.getKey(), entry.getValue().get("options"));
                ofType += entryType.equals(type) ? 1 : 0;
            }
        }
        assertThat(ofType).isEqualTo(1);
    }

    private static <O> void create(LinkFactory<O> factory, String name, JsonNode options) {
        O bound = new OptionsBinder().bind("links." + name + ".options", options, factory.optionsType());
        factory.create(name, bound).close();
    }
}
