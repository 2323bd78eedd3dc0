package io.conserver.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.conserver.app.config.ConfigDocuments;
import io.conserver.app.config.ConfigProblem;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.config.OptionsBinder;
import io.conserver.domain.port.out.ConfigSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigCompilerTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final ConfigCompiler compiler = new ConfigCompiler(
            new Plugins(new TestLinks().factories(), List.of(new TestStorages())), new OptionsBinder());

    private CompiledConfig compile(String yaml) throws Exception {
        return compiler.compile(new ConfigSnapshot(7, ConfigDocuments.split(YAML.readTree(yaml))));
    }

    private List<String> problems(String yaml) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> compile(yaml));
        assertThat(thrown).isInstanceOf(InvalidConfigException.class);
        return ((InvalidConfigException) thrown).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void aValidConfigurationIsPlannedWithDefaults() throws Exception {
        try (CompiledConfig config = compile("""
                links: {a: {type: mark}, b: {type: slow, options: {millis: 5}, timeout: 2s}}
                storages: {mem: {type: memory}}
                chains: {main: {links: [a, b], storages: [mem], ingress_lists: [in]}}
                """)) {
            ChainPlan plan = config.chains().get("main");
            assertThat(config.version()).isEqualTo(7);
            assertThat(plan.links()).extracting(LinkStep::name).containsExactly("a", "b");
            assertThat(plan.links().get(0).timeout()).hasMinutes(1);
            assertThat(plan.links().get(1).timeout()).hasSeconds(2);
            assertThat(plan.spec().isEnabled()).isTrue();
            assertThat(plan.spec().workers()).isEqualTo(1);
            assertThat(plan.spec().errors().maxAttempts()).isEqualTo(3);
            assertThat(plan.deadLetterList()).isEqualTo("DLQ:main");
            assertThat(config.storages().get("mem").deadLetterList()).isEqualTo("DLQ:storage:mem");
        }
    }

    @Test
    void everyProblemIsReportedAtOnceWithItsPath() {
        assertThat(problems("""
                links:
                  a: {type: nosuch}
                  b: {type: slow, options: {millis: "soon"}}
                  c: {type: mark, options: {colour: red}}
                storages: {s: {type: tape}}
                chains:
                  main: {links: [a, missing], storages: [gone], workers: 0}
                  other: {links: []}
                  timed: {links: [c], schedule: {cron: "not a cron"}}
                """)).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("links.a.type: unknown link type 'nosuch'; known types are [emit, fail, halt, handoff, mark, pass, slow]"),
                p -> assertThat(p).startsWith("links.b.options.millis: "),
                p -> assertThat(p).startsWith("links.c.options.colour: unknown option 'colour'"),
                p -> assertThat(p).startsWith("storages.s.type: unknown storage type 'tape'; known types are [memory]"),
                p -> assertThat(p).isEqualTo("chains.main.links[1]: no link named 'missing' is defined under links"),
                p -> assertThat(p).isEqualTo("chains.main.storages[0]: no storage named 'gone' is defined under storages"),
                p -> assertThat(p).isEqualTo("chains.main.workers: must be greater than or equal to 1"),
                p -> assertThat(p).isEqualTo("chains.other.links: must not be empty"),
                p -> assertThat(p).startsWith("chains.timed.schedule.cron: 'not a cron' is not a cron expression"));
    }

    @Test
    void aChainNamingAnInvalidButDefinedLinkIsNotToldTheLinkIsMissing() {
        assertThat(problems("""
                links:
                  broken: {type: nosuch}
                storages: {bad: {type: tape}}
                chains:
                  main: {links: [broken], storages: [bad]}
                """)).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("links.broken.type: unknown link type 'nosuch'"),
                p -> assertThat(p).startsWith("storages.bad.type: unknown storage type 'tape'"));
    }

    @Test
    void aScheduleNeedsExactlyOneTrigger() {
        assertThat(problems("""
                links: {a: {type: mark}}
                chains: {t: {links: [a], schedule: {every: 5m, cron: "0 2 * * *"}}}
                """)).containsExactly("chains.t.schedule.exactly_one_trigger: give exactly one of every or cron");
    }

    @Test
    void entriesMustBeMaps() {
        assertThatThrownBy(() -> compile("links: {a: 3}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("links.a: must be a map");
    }
}
