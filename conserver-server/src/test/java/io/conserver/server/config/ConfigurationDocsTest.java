package io.conserver.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.port.out.StorageFactory;
import io.conserver.server.wiring.PluginModule;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps docs/configuration.md honest: every registered link and storage type (from the Guice
 * {@link PluginModule}) has its row in the index, naming every option, and its own page that
 * mentions every option; every key of the server's own sections is documented in its section.
 */
class ConfigurationDocsTest {
    private static final Path DOCS = Path.of("../docs");
    private static final Injector PLUGINS = Guice.createInjector(new PluginModule());

    static Stream<Arguments> plugins() {
        Set<LinkFactory<?>> links = PLUGINS.getInstance(Key.get(new TypeLiteral<Set<LinkFactory<?>>>() { }));
        Set<StorageFactory<?>> storages = PLUGINS.getInstance(Key.get(new TypeLiteral<Set<StorageFactory<?>>>() { }));
        assertThat(links).isNotEmpty();
        assertThat(storages).isNotEmpty();
        return Stream.concat(
                links.stream().map(f -> Arguments.of("links", f.type(), f.optionsType())),
                storages.stream().map(f -> Arguments.of("storages", f.type(), f.optionsType())));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("plugins")
    void everyPluginTypeIsIndexedWithItsOptionsAndHasAPageMentioningEachOption(String folder, String type, Class<?> options)
            throws IOException {
        String reference = reference();
        String link = "[`" + type + "`](" + folder + "/" + type + ".md)";
        Path page = DOCS.resolve(folder).resolve(type + ".md");
        List<String> row = reference.lines().filter(l -> l.startsWith("| ") && l.contains(link)).toList();

        assertThat(page).as("the page of %s %s", folder, type).exists();
        assertThat(row).as("the index row of %s in configuration.md", type).hasSize(1);
        String text = Files.readString(page);
        for (String option : optionNames(options)) {
            assertThat(text).as("%s mentions option %s", page, option).contains("`" + option + "`");
            assertThat(row.get(0)).as("the index row of %s names option %s", type, option).contains("`" + option + "`");
        }
    }

    @Test
    void everyTopLevelSectionHasItsHeading() throws IOException {
        String reference = reference();
        for (String section : jsonNames(ConserverConfiguration.class)) {
            assertThat(reference).as("a heading for %s", section)
                    .containsPattern("(?m)^#{2,3} `" + section + "`");
        }
    }

    @Test
    void everyKeyOfTheServerSectionsIsDocumentedInItsSection() throws IOException {
        String reference = reference();
        for (var section : List.of(Arguments.of("store", StoreSettings.class), Arguments.of("auth", AuthSettings.class),
                Arguments.of("api", ApiSettings.class), Arguments.of("engine", EngineSettingsFactory.class))) {
            String name = (String) section.get()[0];
            String text = section(reference, name);
            for (String key : jsonNames((Class<?>) section.get()[1])) {
                assertThat(text).as("the %s section documents %s", name, key).contains("| `" + key + "` |");
            }
        }
    }

    @Test
    void substitutionMaskingAndTheCheckCommandAreDescribed() throws IOException {
        assertThat(reference()).contains("${NAME}", "${NAME:-default}", "$${", "********", "conserver check");
    }

    private static String section(String reference, String name) {
        String heading = "## `" + name + "`";
        int start = reference.indexOf("\n" + heading);
        assertThat(start).as("configuration.md has a heading %s", heading).isNotNegative();
        int end = reference.indexOf("\n## ", start + heading.length() + 1);
        return reference.substring(start, end < 0 ? reference.length() : end);
    }

    /** The @JsonProperty names of a settings class (and its superclasses), getters and setters alike. */
    private static Set<String> jsonNames(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getMethods()) {
            JsonProperty property = method.getAnnotation(JsonProperty.class);
            if (property != null && !property.value().isEmpty()) {
                names.add(property.value());
            }
        }
        assertThat(names).as("@JsonProperty names of %s", type.getSimpleName()).isNotEmpty();
        return names;
    }

    private static List<String> optionNames(Class<?> options) {
        RecordComponent[] components = options.getRecordComponents();
        assertThat(components).as("%s is a record", options.getName()).isNotNull();
        return Arrays.stream(components)
                .map(c -> c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)).toList();
    }

    private static String reference() throws IOException {
        return Files.readString(DOCS.resolve("configuration.md"));
    }
}
