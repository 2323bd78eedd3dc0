package io.conserver.app.link.jq;

import static io.conserver.app.link.LinkTesting.NOW;
import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.create;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.run;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.app.config.ConfigProblem;
import io.conserver.app.link.LinkFailedException;
import io.conserver.app.link.LinkTesting.Run;
import io.conserver.domain.error.ErrorCategory;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JqLinkTest {
    private static final JqLinkFactory FACTORY = new JqLinkFactory();
    private static final Vcon BILLING = vcon().withSubject("billing").withParty(Party.ofTel("+15551234567"));

    private static LinkOutcome outcome(String options) throws Exception {
        return apply(FACTORY, options, BILLING).outcome();
    }

    @Test
    void goesOnWhenTheFilterMatches() throws Exception {
        Run run = apply(FACTORY, "{filter: '.subject == \"billing\"'}", BILLING);

        assertThat(run.outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run.loads()).isEqualTo(1);
    }

    @Test
    void haltsWhenTheFilterDoesNotMatch() throws Exception {
        assertThat(outcome("{filter: '.subject == \"sales\"'}"))
                .isEqualTo(LinkOutcome.halt("jq filter .subject == \"sales\" did not match"));
    }

    @Test
    void invertsWhenForwardMatchesIsFalse() throws Exception {
        assertThat(outcome("{filter: '.subject == \"sales\"', forward_matches: false}"))
                .isEqualTo(LinkOutcome.unchanged());
        assertThat(outcome("{filter: '.subject == \"billing\"', forward_matches: false}"))
                .isEqualTo(LinkOutcome.halt("jq filter .subject == \"billing\" matched and forward_matches is false"));
    }

    @ParameterizedTest(name = "{0} matches: {1}")
    @CsvSource(delimiter = '|', value = {
        "null | false", "false | false", "empty | false", "0 | true", "'\"\"' | true", "[] | true",
        "'.parties[0].tel' | true", "'.parties | length > 1' | false", "'false, true' | false", "'true, false' | true",
        "'.nothing_here' | false"})
    void matchesOnTheFirstOutputByJqTruthiness(String filter, boolean matches) throws Exception {
        String json = "{filter: '" + filter.replace("'", "\\'") + "'}";
        assertThat(outcome(json) instanceof LinkOutcome.Unchanged).isEqualTo(matches);
    }

    @Test
    void failsTheLinkWhenTheFilterCannotBeEvaluated() {
        assertThatThrownBy(() -> outcome("{filter: '.subject.first'}"))
                .isInstanceOfSatisfying(LinkFailedException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID_INPUT))
                .hasMessageContaining("jq filter .subject.first failed on vCon " + BILLING.uuid())
                .hasMessageContaining("Cannot index string");
        assertThatThrownBy(() -> outcome("{filter: 'error(\"no good\")'}")).hasMessageContaining("no good");
        assertThatThrownBy(() -> outcome("{filter: 'no_such_function'}"))
                .isInstanceOf(LinkFailedException.class).hasMessageContaining("no_such_function/0 does not exist");
    }

    @Test
    void oneLinkServesManyThreadsAtOnce() throws Exception {
        Link link = create(FACTORY, "{filter: '[.parties[].tel] | index(\"+15551234567\") != null'}");
        Vcon other = vcon().withParty(Party.ofTel("+15550000000"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                Vcon vcon = i % 2 == 0 ? BILLING : other;
                verdicts.add(pool.submit(() -> run(link, vcon, NOW).outcome() instanceof LinkOutcome.Unchanged));
            }
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).get()).isEqualTo(i % 2 == 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hasTypeJq() {
        assertThat(FACTORY.type()).isEqualTo("jq");
        assertThat(FACTORY.optionsType()).isEqualTo(JqLink.Options.class);
    }

    @Test
    void defaultsToTheIdentityFilterWhichForwardsEveryVcon() throws Exception {
        assertThat(bind(FACTORY, null)).isEqualTo(new JqLink.Options(".", true));
        assertThat(outcome("{}")).isEqualTo(LinkOutcome.unchanged());
    }

    @Test
    void mapsEveryOption() {
        assertThat(bind(FACTORY, "{filter: '.dialog | length > 0', forward_matches: false}"))
                .isEqualTo(new JqLink.Options(".dialog | length > 0", false));
    }

    @Test
    void reportsAFilterThatDoesNotCompileAtTheFilterOption() {
        assertThat(problems(FACTORY, "{filter: '.parties |'}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.filter");
            assertThat(p.message()).startsWith("is not a valid jq expression: ").contains("line 1, column 10");
        });
        assertThat(problems(FACTORY, "{filter: '{a: ${b}'}")).extracting(ConfigProblem::path)
                .containsExactly("links.x.options.filter");
        assertThat(problems(FACTORY, "{filter: ' '}"))
                .containsExactly(new ConfigProblem("links.x.options.filter", "must not be blank"));
    }

    @Test
    void compilesTheFilterWhenCreated() {
        assertThatThrownBy(() -> FACTORY.create("j", new JqLink.Options(".[", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid jq expression");
    }
}
