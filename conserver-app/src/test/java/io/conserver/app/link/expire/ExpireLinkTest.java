package io.conserver.app.link.expire;

import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.config.ConfigProblem;
import io.conserver.app.link.LinkTesting.Run;
import io.conserver.domain.link.LinkOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpireLinkTest {
    private static final ExpireLinkFactory FACTORY = new ExpireLinkFactory();

    @Test
    void asksForTheTtlAndGoesOnWithoutLoadingTheVcon() throws Exception {
        Run run = apply(FACTORY, "{seconds: 3600}", vcon());

        assertThat(run.expiries()).containsExactly(Duration.ofHours(1));
        assertThat(run.outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run.loads()).isZero();
    }

    @Test
    void acceptsTheTtlAsADuration() throws Exception {
        assertThat(apply(FACTORY, "{ttl: '7d'}", vcon()).expiries()).containsExactly(Duration.ofDays(7));
        assertThat(apply(FACTORY, "{ttl: 'PT90M'}", vcon()).expiries()).containsExactly(Duration.ofMinutes(90));
    }

    @Test
    void hasTypeExpire() {
        assertThat(FACTORY.type()).isEqualTo("expire");
        assertThat(FACTORY.optionsType()).isEqualTo(ExpireLink.Options.class);
    }

    @Test
    void defaultsToOneDay() throws Exception {
        assertThat(bind(FACTORY, null)).isEqualTo(new ExpireLink.Options(86_400L, null));
        assertThat(apply(FACTORY, "{}", vcon()).expiries()).containsExactly(Duration.ofDays(1));
    }

    @Test
    void mapsEveryOption() {
        assertThat(bind(FACTORY, "{seconds: 60}")).isEqualTo(new ExpireLink.Options(60L, null));
        assertThat(bind(FACTORY, "{ttl: '30s'}")).isEqualTo(new ExpireLink.Options(null, Duration.ofSeconds(30)));
        assertThat(FACTORY.create("e", bind(FACTORY, "{ttl: '2h'}")).ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void rejectsNonPositiveTtlsAndBothForms() {
        assertThat(problems(FACTORY, "{seconds: 0}"))
                .containsExactly(new ConfigProblem("links.x.options.seconds", "must be greater than 0"));
        assertThat(problems(FACTORY, "{ttl: '500ms'}"))
                .containsExactly(new ConfigProblem("links.x.options.ttl", "must be at least 1s, was PT0.5S"));
        assertThat(problems(FACTORY, "{seconds: 60, ttl: '1m'}"))
                .containsExactly(new ConfigProblem("links.x.options.ttl", "give either seconds or ttl, not both"));
        assertThat(problems(FACTORY, "{ttl: 'soon'}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.ttl");
            assertThat(p.message()).contains("'soon' is not a duration");
        });
    }
}
