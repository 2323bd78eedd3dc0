package io.conserver.app.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.conserver.app.config.ConfigProblem;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.config.OptionsBinder;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Vcon;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Runs links the way the runtime will: options bound from JSON through the real
 * {@link OptionsBinder} (so tests cover the lower_snake mapping and validation), a fixed clock, a
 * context that records the deferred effects, and an input that counts how often the vCon is loaded.
 * Options JSON may use single quotes and unquoted names: {@code "{tags: ['a', 'b:c']}"}.
 */
public final class LinkTesting {
    /** The instant every test context's clock reads. */
    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    /** The instance name links are created under; problems are reported under {@link #OPTIONS_PATH}. */
    public static final String LINK = "x";
    public static final String OPTIONS_PATH = "links." + LINK + ".options";

    private static final OptionsBinder BINDER = new OptionsBinder();
    private static final Vcon MINIMAL = Vcon.create("test.conserver.io", Clock.fixed(NOW, ZoneOffset.UTC));
    private static final ObjectMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private LinkTesting() {
    }

    /** Binds {@code optionsJson}, creates the link and runs it once over {@code vcon} at {@link #NOW}. */
    public static <O> Run apply(LinkFactory<O> factory, String optionsJson, Vcon vcon) throws Exception {
        return run(create(factory, optionsJson), vcon, NOW);
    }

    /** Runs an already created link over {@code vcon} with a fresh context whose clock reads {@code now}. */
    public static Run run(Link link, Vcon vcon, Instant now) throws Exception {
        RecordingContext context = new RecordingContext(Clock.fixed(now, ZoneOffset.UTC));
        CountingInput input = new CountingInput(vcon);
        return new Run(link.apply(input, context), context, input);
    }

    public static <O> Link create(LinkFactory<O> factory, String optionsJson) {
        return factory.create(LINK, bind(factory, optionsJson));
    }

    /** The options record bound and validated from {@code optionsJson} ({@code null} for no options node). */
    public static <O> O bind(LinkFactory<O> factory, String optionsJson) {
        return BINDER.bind(OPTIONS_PATH, tree(optionsJson), factory.optionsType());
    }

    /** Every problem binding {@code optionsJson} reports; fails if it binds cleanly. */
    public static List<ConfigProblem> problems(LinkFactory<?> factory, String optionsJson) {
        try {
            bind(factory, optionsJson);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("options bound without problems: " + optionsJson);
    }

    /** A minimal valid vCon whose timestamps come from {@link #NOW}. */
    public static Vcon vcon() {
        return MINIMAL;
    }

    /** A minimal vCon with the given uuid. */
    public static Vcon vcon(String uuid) {
        return MINIMAL.toBuilder().uuid(uuid).build();
    }

    /** {@code count} distinct uuids, the same ones for the same {@code seed}. */
    public static List<String> uuids(int count, long seed) {
        Random random = new Random(seed);
        List<String> uuids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return uuids;
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : RELAXED.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One run of a link: what it decided, the effects it asked for, and how often it loaded the vCon. */
    public record Run(LinkOutcome outcome, RecordingContext context, CountingInput input) {
        public int loads() {
            return input.loads();
        }

        public List<String> pushed() {
            return context.pushed();
        }

        public List<Duration> expiries() {
            return context.expiries();
        }

        /** The vCon the link continued with; fails unless the outcome is a {@link LinkOutcome.Continue}. */
        public Vcon continued() {
            if (outcome instanceof LinkOutcome.Continue c) {
                return c.vcon();
            }
            throw new AssertionError("expected a continue, was " + outcome);
        }
    }

    /** A context at a fixed clock that records the effects asked for, in order. */
    public static final class RecordingContext implements LinkContext {
        private final Clock clock;
        private final List<String> pushed = new ArrayList<>();
        private final List<Duration> expiries = new ArrayList<>();

        public RecordingContext(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String chain() {
            return "main";
        }

        @Override
        public String link() {
            return LINK;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public void pushAfterWrite(String list) {
            pushed.add(list);
        }

        @Override
        public void expireAfterWrite(Duration ttl) {
            expiries.add(ttl);
        }

        public List<String> pushed() {
            return List.copyOf(pushed);
        }

        public List<Duration> expiries() {
            return List.copyOf(expiries);
        }
    }

    /** The input of a run over a given vCon, counting the loads a link asks for. */
    public static final class CountingInput implements LinkInput {
        private final Vcon vcon;
        private int loads;

        public CountingInput(Vcon vcon) {
            this.vcon = vcon;
        }

        @Override
        public String uuid() {
            return vcon.uuid();
        }

        @Override
        public Vcon vcon() {
            loads++;
            return vcon;
        }

        public int loads() {
            return loads;
        }
    }
}
