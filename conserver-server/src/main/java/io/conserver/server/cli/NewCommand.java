package io.conserver.server.cli;

import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Problem;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import io.conserver.domain.vcon.VconEditor;
import io.conserver.domain.vcon.VconTags;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vcon new}: builds a vCon from flags, for scripts and for trying the conserver out. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Build a new vCon from flags and print it.")
final class NewCommand implements Callable<Integer> {
    @Option(names = "--domain", required = true, description = "Your domain; the uuid (v8) is derived from it.")
    String domain;

    @Option(names = "--subject", description = "The conversation's subject.")
    String subject;

    @Option(names = "--party", paramLabel = "FIELD=VALUE[,FIELD=VALUE]",
            description = "A party, e.g. tel=+15551234567,name=Alice (fields: tel, mailto, name, sip, uuid, type, org,"
                    + " dept, validation). Repeatable; parties are numbered from 0 in order.")
    List<String> parties = new ArrayList<>();

    @Option(names = "--text", paramLabel = "PARTY=MESSAGE",
            description = "A text dialog sent by party PARTY (an index) to all the others. Repeatable.")
    List<String> texts = new ArrayList<>();

    @Option(names = "--recording", paramLabel = "FILE",
            description = "An inline recording of all parties from an audio file (wav, mp3, ogg).")
    Path recording;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag. Repeatable.")
    Map<String, String> tags = new java.util.LinkedHashMap<>();

    @Mixin
    OutputOptions out = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Vcon vcon = VconEditor.create(domain, clock);
        if (subject != null) {
            vcon = vcon.withSubject(subject);
        }
        for (String fields : parties) {
            vcon = VconEditor.addParty(vcon, party(fields), clock).vcon();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (String text : texts) {
            vcon = addText(vcon, text, now, clock);
        }
        if (recording != null) {
            int[] all = IntStream.range(0, vcon.parties().size()).toArray();
            vcon = VconEditor.addInlineRecording(vcon, now, 0, all, CliFiles.read(recording),
                    mediatype(recording), recording.getFileName().toString(), clock).vcon();
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            vcon = VconTags.addTag(vcon, tag.getKey(), tag.getValue(), clock);
        }
        VconCodec codec = VconCodec.lenient();
        List<Problem> problems = codec.validate(vcon);
        problems.forEach(p -> spec.commandLine().getErr().println(p));
        spec.commandLine().getErr().flush();
        if (problems.stream().anyMatch(Problem::isError)) {
            return VconCommand.INVALID;
        }
        out.emit(codec.write(vcon), spec);
        return 0;
    }

    private static Vcon addText(Vcon vcon, String spec, OffsetDateTime start, Clock clock) {
        int eq = spec.indexOf('=');
        int from;
        try {
            from = Integer.parseInt(spec.substring(0, Math.max(eq, 0)));
        } catch (NumberFormatException e) {
            throw new CliException("--text must be PARTY=MESSAGE with PARTY a party index, was '" + spec + "'", 2);
        }
        List<Integer> others = IntStream.range(0, vcon.parties().size()).filter(i -> i != from).boxed().toList();
        try {
            return VconEditor.addTextDialog(vcon, start, from, others, spec.substring(eq + 1), "text/plain", clock).vcon();
        } catch (IllegalArgumentException e) {
            throw new CliException("--text " + spec + ": " + e.getMessage(), 2);
        }
    }

    private static Party party(String spec) {
        Party.Builder b = Party.builder();
        for (String field : spec.split(",")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--party takes FIELD=VALUE pairs separated by commas, was '" + spec + "'", 2);
            }
            String name = field.substring(0, eq).trim();
            String value = field.substring(eq + 1);
            switch (name) {
                case "tel" -> b.tel(value);
                case "mailto" -> b.mailto(value);
                case "name" -> b.name(value);
                case "sip" -> b.sip(value);
                case "uuid" -> b.uuid(value);
                case "type" -> b.type(value);
                case "org" -> b.org(value);
                case "dept" -> b.dept(value);
                case "validation" -> b.validation(value);
                default -> throw new CliException("--party: unknown field '" + name
                        + "' (known: tel, mailto, name, sip, uuid, type, org, dept, validation)", 2);
            }
        }
        return b.build();
    }

    private static String mediatype(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".mp3") ? "audio/x-mp3" : name.endsWith(".ogg") ? "audio/ogg"
                : name.endsWith(".mp4") ? "audio/x-mp4" : "audio/x-wav";
    }
}
