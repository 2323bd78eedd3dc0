package io.conserver.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps docs/api.md honest: one {@code ### METHOD /api/path} section per route, no more, no fewer. */
class ApiDocsTest {
    private static final Path PAGE = Path.of("../docs/api.md");
    private static final Pattern ROUTE_HEADING = Pattern.compile("^### `?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/\\S+?)`?$",
            Pattern.MULTILINE);

    @Test
    void everyRouteHasItsSectionAndEverySectionIsARoute() throws IOException {
        Set<ApiRoutes.Route> documented = new TreeSet<>();
        Matcher m = ROUTE_HEADING.matcher(Files.readString(PAGE));
        while (m.find()) {
            documented.add(new ApiRoutes.Route(m.group(1), m.group(2)));
        }

        assertThat(documented).as("route headings in docs/api.md (left) against the resources (right)")
                .containsExactlyInAnyOrderElementsOf(ApiRoutes.all());
    }

    @Test
    void thePageNamesTheTokenHeaderAndTheErrorShape() throws IOException {
        String page = Files.readString(PAGE);
        assertThat(page).contains("x-conserver-api-token", "\"problems\"", "curl ");
    }
}
