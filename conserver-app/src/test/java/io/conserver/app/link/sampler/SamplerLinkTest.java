package io.conserver.app.link.sampler;

import static io.conserver.app.link.LinkTesting.NOW;
import static io.conserver.app.link.LinkTesting.apply;
import static io.conserver.app.link.LinkTesting.bind;
import static io.conserver.app.link.LinkTesting.create;
import static io.conserver.app.link.LinkTesting.problems;
import static io.conserver.app.link.LinkTesting.run;
import static io.conserver.app.link.LinkTesting.uuids;
import static io.conserver.app.link.LinkTesting.vcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.config.ConfigProblem;
import io.conserver.app.link.LinkTesting.Run;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamplerLinkTest {
    private static final SamplerLinkFactory FACTORY = new SamplerLinkFactory();
    private static final List<String> UUIDS = uuids(10_000, 20_250_601L);

    private static List<String> kept(String options, List<String> uuids) throws Exception {
        Link link = create(FACTORY, options);
        List<String> kept = new ArrayList<>();
        for (String uuid : uuids) {
            if (run(link, vcon(uuid), NOW).outcome() instanceof LinkOutcome.Unchanged) {
                kept.add(uuid);
            }
        }
        return kept;
    }

    @Test
    void percentageKeepsAboutThatShareWithASeed() throws Exception {
        assertThat(kept("{method: 'percentage', value: 30, seed: 42}", UUIDS)).hasSizeBetween(2_700, 3_300);
    }

    @Test
    void percentageKeepsAboutThatShareWithoutASeed() throws Exception {
        assertThat(kept("{value: 30}", UUIDS)).hasSizeBetween(2_700, 3_300);
    }

    @Test
    void percentageKeepsNoneAtZeroAndAllAtOneHundred() throws Exception {
        assertThat(kept("{value: 0}", UUIDS.subList(0, 1_000))).isEmpty();
        assertThat(kept("{value: 100}", UUIDS.subList(0, 1_000))).hasSize(1_000);
    }

    @Test
    void aSeedGivesEachVconTheSameVerdictOnEveryRun() throws Exception {
        List<String> first = kept("{value: 30, seed: 42}", UUIDS);

        assertThat(kept("{value: 30, seed: 42}", UUIDS)).isEqualTo(first);
        assertThat(kept("{value: 30, seed: 43}", UUIDS)).isNotEqualTo(first).hasSizeBetween(2_700, 3_300);
        assertThat(kept("{method: 'rate', value: 5, seed: 42}", UUIDS))
                .isEqualTo(kept("{method: 'rate', value: 5, seed: 42}", UUIDS));
    }

    @Test
    void rateKeepsWithTheReferenceProbability() throws Exception {
        // 1 - e^(-1/10) = 9.5%, 1 - e^(-1) = 63.2%
        assertThat(kept("{method: 'rate', value: 10, seed: 7}", UUIDS)).hasSizeBetween(850, 1_050);
        assertThat(kept("{method: 'rate', value: 1}", UUIDS)).hasSizeBetween(6_000, 6_640);
    }

    @Test
    void moduloKeepsTheSameVconsAsTheReferenceSampler() throws Exception {
        List<String> uuids = IntStream.range(0, 12).mapToObj(i -> "018f3a2b-0000-8000-8000-%012d".formatted(i)).toList();

        assertThat(kept("{method: 'modulo', value: 3}", uuids)).containsExactly(
                uuids.get(1), uuids.get(5), uuids.get(6), uuids.get(8));
    }

    @Test
    void moduloKeepsAboutOneInValueWhateverTheSeed() throws Exception {
        List<String> kept = kept("{method: 'modulo', value: 4}", UUIDS);

        assertThat(kept).hasSizeBetween(2_300, 2_700);
        assertThat(kept("{method: 'modulo', value: 4, seed: 99}", UUIDS)).isEqualTo(kept);
    }

    @Test
    void timeBasedKeepsVconsProcessedInEveryValueThSecond() throws Exception {
        Link link = create(FACTORY, "{method: 'time_based', value: 10}");

        assertThat(NOW.getEpochSecond() % 10).isZero();
        assertThat(run(link, vcon(), NOW).outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run(link, vcon(), NOW.plusMillis(999)).outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run(link, vcon(), NOW.plusSeconds(1)).outcome()).isEqualTo(LinkOutcome.halt("sampled out"));
        assertThat(run(link, vcon(), NOW.plusSeconds(20)).outcome()).isEqualTo(LinkOutcome.unchanged());
        assertThat(run(link, vcon(), Instant.EPOCH.minusSeconds(7)).outcome()).isEqualTo(LinkOutcome.halt("sampled out"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{value: 0}", "{value: 100}", "{method: 'rate', value: 2}", "{method: 'modulo', value: 2}",
        "{method: 'time_based', value: 2}"})
    void decidesFromTheUuidAndClockWithoutLoadingTheVcon(String options) throws Exception {
        Run run = apply(FACTORY, options, vcon());

        assertThat(run.loads()).isZero();
        assertThat(run.pushed()).isEmpty();
    }

    @Test
    void haltsWhatItSamplesOut() throws Exception {
        assertThat(apply(FACTORY, "{value: 0}", vcon()).outcome()).isEqualTo(LinkOutcome.halt("sampled out"));
    }

    @Test
    void hasTypeSampler() {
        assertThat(FACTORY.type()).isEqualTo("sampler");
        assertThat(FACTORY.optionsType()).isEqualTo(SamplerLink.Options.class);
    }

    @Test
    void defaultsToAFiftyPercentRandomSample() {
        assertThat(bind(FACTORY, null)).isEqualTo(new SamplerLink.Options(SamplerLink.Method.PERCENTAGE, 50.0, null));
    }

    @Test
    void mapsEveryOption() {
        assertThat(bind(FACTORY, "{method: 'time_based', value: 15, seed: 7}"))
                .isEqualTo(new SamplerLink.Options(SamplerLink.Method.TIME_BASED, 15.0, 7L));
        assertThat(bind(FACTORY, "{method: 'rate', value: 2.5}").method()).isEqualTo(SamplerLink.Method.RATE);
        assertThat(bind(FACTORY, "{method: 'modulo', value: 3}").method()).isEqualTo(SamplerLink.Method.MODULO);
    }

    @Test
    void rejectsUnknownMethods() {
        assertThat(problems(FACTORY, "{method: 'sometimes'}")).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("links.x.options.method");
            assertThat(p.message()).contains("sometimes", "percentage", "time_based");
        });
    }

    @Test
    void checksTheValueForTheMethod() {
        assertThat(problems(FACTORY, "{value: 101}")).containsExactly(
                new ConfigProblem("links.x.options.value", "must be between 0 and 100 for percentage, was 101.0"));
        assertThat(problems(FACTORY, "{method: 'rate', value: 0}")).containsExactly(
                new ConfigProblem("links.x.options.value", "must be greater than 0 for rate, was 0.0"));
        assertThat(problems(FACTORY, "{method: 'modulo', value: 2.5}")).containsExactly(new ConfigProblem(
                "links.x.options.value", "must be a whole number of at least 1 for modulo, was 2.5"));
        assertThat(problems(FACTORY, "{method: 'time_based', value: 0}")).containsExactly(new ConfigProblem(
                "links.x.options.value", "must be a whole number of at least 1 for time_based, was 0.0"));
        assertThat(problems(FACTORY, "{seed: 'abc'}")).extracting(ConfigProblem::path)
                .containsExactly("links.x.options.seed");
    }
}
