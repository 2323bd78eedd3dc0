package io.conserver.app.runtime;

import io.conserver.domain.link.EmittedVcon;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Link types for engine tests; every call is counted per link name and uuid. */
final class TestLinks {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    int calls(String link, String uuid) {
        return calls.getOrDefault(link + "/" + uuid, new AtomicInteger()).get();
    }

    int calls(String link) {
        return calls.entrySet().stream().filter(e -> e.getKey().startsWith(link + "/")).mapToInt(e -> e.getValue().get()).sum();
    }

    private int count(String link, String uuid) {
        return calls.computeIfAbsent(link + "/" + uuid, k -> new AtomicInteger()).incrementAndGet();
    }

    List<LinkFactory<?>> factories() {
        return List.of(mark(), halt(), fail(), slow(), emit(), handoff(), pass());
    }

    /** Appends its name to the subject, so the subject spells the order links ran in. */
    record MarkOptions(Optional<String> label) { }

    /** Halts with a reason. */
    record HaltOptions(Optional<String> reason) { }

    /** Fails the first {@code times} calls for each vCon (or always when times is 0). */
    record FailOptions(int times) { }

    /** Sleeps, then continues. */
    record SlowOptions(long millis) { }

    /** Emits one new vCon to a list, then continues. */
    record EmitOptions(String to) { }

    /** Hands off to a list. */
    record HandoffOptions(String list) { }

    /** Continues without loading the vCon. */
    record PassOptions() { }

    LinkFactory<MarkOptions> mark() {
        return factory("mark", MarkOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            Vcon v = in.vcon();
            String subject = v.subject() == null ? "" : v.subject() + ",";
            return LinkOutcome.proceed(v.withSubject(subject + o.label().orElse(name)));
        });
    }

    LinkFactory<HaltOptions> halt() {
        return factory("halt", HaltOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            return LinkOutcome.halt(o.reason().orElse("stop here"));
        });
    }

    LinkFactory<FailOptions> fail() {
        return factory("fail", FailOptions.class, (name, o) -> (in, ctx) -> {
            int n = count(name, in.uuid());
            if (o.times() == 0 || n <= o.times()) {
                throw new IllegalStateException("deliberate failure " + n);
            }
            return LinkOutcome.unchanged();
        });
    }

    LinkFactory<SlowOptions> slow() {
        return factory("slow", SlowOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            Thread.sleep(o.millis());
            return LinkOutcome.unchanged();
        });
    }

    LinkFactory<EmitOptions> emit() {
        return factory("emit", EmitOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            Vcon child = Vcon.create("emit.test").withSubject("child of " + in.uuid());
            return new LinkOutcome.Emit(List.of(new EmittedVcon(child, List.of(o.to()))), LinkOutcome.unchanged());
        });
    }

    LinkFactory<HandoffOptions> handoff() {
        return factory("handoff", HandoffOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            return new LinkOutcome.HandOff(o.list(), null);
        });
    }

    LinkFactory<PassOptions> pass() {
        return factory("pass", PassOptions.class, (name, o) -> (in, ctx) -> {
            count(name, in.uuid());
            return LinkOutcome.unchanged();
        });
    }

    private static <O> LinkFactory<O> factory(String type, Class<O> options, java.util.function.BiFunction<String, O, Link> create) {
        return new LinkFactory<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<O> optionsType() {
                return options;
            }

            @Override
            public Link create(String name, O o) {
                return create.apply(name, o);
            }
        };
    }
}
