package io.conserver.app.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.conserver.app.config.InvalidConfigException;
import io.conserver.app.config.OptionsBinder;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkFactory;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Analysis;
import io.conserver.domain.vcon.Attachment;
import io.conserver.domain.vcon.Content;
import io.conserver.domain.vcon.Dialog;
import io.conserver.domain.vcon.Extras;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;

/** Helpers for link tests: a recording context, a counting input, option binding and a sample vCon. */
public final class LinkTestSupport {
    public static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    public static final String PATH = "links.test.options";
    private static final OptionsBinder BINDER = new OptionsBinder();

    private LinkTestSupport() {
    }

    /** Binds {@code optionsJson} (single quotes allowed for readability) as configuration would. */
    public static <O> O bind(LinkFactory<O> factory, String optionsJson) {
        try {
            return BINDER.bind(PATH, BINDER.mapper().readTree(optionsJson.replace('\'', '"')), factory.optionsType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + optionsJson, e);
        }
    }

    /** The problems binding {@code optionsJson} reports, as {@code path: message} strings. */
    public static List<String> problems(LinkFactory<?> factory, String optionsJson) {
        try {
            bind(factory, optionsJson);
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        return Assertions.fail("expected %s to be invalid", optionsJson);
    }

    public static <O> Link create(LinkFactory<O> factory, String optionsJson) {
        return factory.create("test", bind(factory, optionsJson));
    }

    /** Binds the options, creates the link and applies it once to {@code vcon}. */
    public static <O> LinkOutcome apply(LinkFactory<O> factory, String optionsJson, Vcon vcon) throws Exception {
        try (Link link = create(factory, optionsJson)) {
            return link.apply(new CountingInput(vcon), new RecordingContext());
        }
    }

    /** A vCon with two parties, a recording and a text dialog, three analyses and two attachments. */
    public static Vcon sampleVcon() {
        OffsetDateTime created = OffsetDateTime.parse("2024-11-05T10:00:00Z");
        return Vcon.builder().uuid("018f6c8a-7b3d-8000-9dd8-dd37220d739c").createdAt(created).subject("Refund for Jane")
                .parties(List.of(
                        Party.builder().tel("+15551230001").name("Jane Doe").mailto("jane@example.com").build(),
                        Party.builder().tel("+15551230002").name("Agent Smith").build()))
                .dialog(List.of(
                        Dialog.builder(Dialog.RECORDING).start(created).parties(0, 1).mediatype("audio/wav")
                                .content(Content.bytes("RIFF....WAVEfmt fake audio".getBytes(StandardCharsets.UTF_8)))
                                .build(),
                        Dialog.builder(Dialog.TEXT).start(created.plusMinutes(5)).parties(0, 1)
                                .mediatype("text/plain").content(Content.text("My card is 4111 1111 1111 1111"))
                                .build()))
                .analysis(List.of(
                        Analysis.of("transcript", List.of(0), "whisper", Content.text("hello, I want a refund")),
                        new Analysis("summary", List.of(0), List.of(), null, null, "openai", null, null,
                                Content.text("Jane wants a refund"),
                                Extras.of(Map.of("system_prompt", JsonNodeFactory.instance.textNode("You summarise")))),
                        Analysis.of("sentiment", List.of(0), "openai", Content.text("negative"))))
                .attachments(List.of(
                        Attachment.of("tags", 0, "application/json", Content.json(
                                JsonNodeFactory.instance.arrayNode().add("refund"))),
                        Attachment.of("contract", 0, "application/pdf", Content.bytes(new byte[] {1, 2, 3}))))
                .build();
    }

    /** A {@link LinkInput} that counts how often the vCon was loaded. */
    public static final class CountingInput implements LinkInput {
        private final Vcon vcon;
        private final String uuid;
        private final AtomicInteger loads = new AtomicInteger();

        public CountingInput(Vcon vcon) {
            this.vcon = vcon;
            this.uuid = vcon.uuid();
        }

        @Override
        public String uuid() {
            return uuid;
        }

        @Override
        public Vcon vcon() {
            loads.incrementAndGet();
            return vcon;
        }

        public int loads() {
            return loads.get();
        }
    }

    /** A {@link LinkContext} on a fixed clock that records the deferred effects asked for. */
    public static final class RecordingContext implements LinkContext {
        private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        private final List<String> pushes = new ArrayList<>();
        private final List<Duration> expiries = new ArrayList<>();

        @Override
        public String chain() {
            return "main";
        }

        @Override
        public String link() {
            return "test";
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public synchronized void pushAfterWrite(String list) {
            pushes.add(list);
        }

        @Override
        public synchronized void expireAfterWrite(Duration ttl) {
            expiries.add(ttl);
        }

        public synchronized List<String> pushes() {
            return List.copyOf(pushes);
        }

        public synchronized List<Duration> expiries() {
            return List.copyOf(expiries);
        }
    }
}
