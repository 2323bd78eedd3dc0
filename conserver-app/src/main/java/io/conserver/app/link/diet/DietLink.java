package io.conserver.app.link.diet;

import io.conserver.app.link.support.HttpUrl;
import io.conserver.app.link.support.NoBlankEntries;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkContext;
import io.conserver.domain.link.LinkInput;
import io.conserver.domain.link.LinkOutcome;
import io.conserver.domain.vcon.Analysis;
import io.conserver.domain.vcon.Attachment;
import io.conserver.domain.vcon.Content;
import io.conserver.domain.vcon.ContentHashes;
import io.conserver.domain.vcon.Dialog;
import io.conserver.domain.vcon.Vcon;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Slims a vCon: moves inline dialog bodies to a media host or drops them, and drops analyses,
 * attachment contents and system prompts. Removed attachments leave a stub ({@code purpose},
 * {@code start}, {@code party}, {@code dialog}) so that analyses referring to attachments by index
 * stay right; analyses are removed outright, since nothing refers to them by index.
 */
public final class DietLink implements Link {
    static final String SYSTEM_PROMPT = "system_prompt";

    private final Options options;
    private final MediaUploader uploader;

    /**
     * The options of a diet link.
     *
     * @param removeDialogBody        drop inline dialog bodies (keeping any content_hash they had)
     * @param mediaUrl                when set, POST each inline dialog body here and keep only the URL
     *                                the host answers with, plus the body's sha512 content_hash
     * @param mediaHeaders            extra headers for the media POSTs, e.g. an authorization token
     * @param mediaTimeout            how long to wait for each media connection and answer
     * @param removeAnalysis          drop every analysis
     * @param removeAnalysisTypes     drop the analyses of these types
     * @param removeAttachmentTypes   empty the attachments with these purposes, leaving a stub
     * @param removeSystemPrompts     drop {@code system_prompt} fields from analyses
     */
    public record Options(Boolean removeDialogBody, @HttpUrl URI mediaUrl, Map<String, String> mediaHeaders,
                          @DurationMin(millis = 1) Duration mediaTimeout, Boolean removeAnalysis,
                          @NoBlankEntries List<String> removeAnalysisTypes, @NoBlankEntries List<String> removeAttachmentTypes,
                          Boolean removeSystemPrompts) {
        public static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(30);

        public Options {
            removeDialogBody = removeDialogBody != null && removeDialogBody;
            removeAnalysis = removeAnalysis != null && removeAnalysis;
            removeSystemPrompts = removeSystemPrompts != null && removeSystemPrompts;
            mediaHeaders = mediaHeaders == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mediaHeaders));
            mediaHeaders.forEach((name, value) -> {
                if (value == null) {
                    throw new IllegalArgumentException("media_headers." + name + " has no value");
                }
            });
            mediaTimeout = mediaTimeout == null ? DEFAULT_MEDIA_TIMEOUT : mediaTimeout;
            removeAnalysisTypes = copy(removeAnalysisTypes);
            removeAttachmentTypes = copy(removeAttachmentTypes);
        }

        private static List<String> copy(List<String> list) {
            return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
        }
    }

    /**
     * @throws IllegalArgumentException when a media header cannot be set by a client (Host...)
     */
    public DietLink(Options options) {
        this.options = options;
        this.uploader = options.mediaUrl() == null ? null
                : new MediaUploader(options.mediaUrl(), options.mediaHeaders(), options.mediaTimeout());
    }

    public Options options() {
        return options;
    }

    @Override
    public LinkOutcome apply(LinkInput input, LinkContext context) throws InterruptedException {
        Vcon vcon = input.vcon();
        List<Dialog> dialog = new ArrayList<>(vcon.dialog().size());
        for (Dialog d : vcon.dialog()) {
            dialog.add(slim(d));
        }
        List<Analysis> analysis = options.removeAnalysis() ? List.of() : vcon.analysis().stream()
                .filter(a -> !options.removeAnalysisTypes().contains(a.type())).map(this::slim).toList();
        Set<String> purposes = Set.copyOf(options.removeAttachmentTypes());
        List<Attachment> attachments = vcon.attachments().stream()
                .map(a -> purposes.contains(a.purpose()) ? stub(a) : a).toList();
        if (dialog.equals(vcon.dialog()) && analysis.equals(vcon.analysis()) && attachments.equals(vcon.attachments())) {
            return LinkOutcome.unchanged();
        }
        return LinkOutcome.proceed(vcon.edit(b -> b.dialog(dialog).analysis(analysis).attachments(attachments),
                context.clock()));
    }

    private Dialog slim(Dialog d) throws InterruptedException {
        Content content = d.content();
        if (!content.isInline()) {
            return d;
        }
        if (uploader != null) {
            byte[] body = content.decodeBody();
            URI url = uploader.upload(body, d.mediatype());
            return d.toBuilder().content(Content.external(url.toString(), ContentHashes.sha512(body))).build();
        }
        if (options.removeDialogBody()) {
            return d.toBuilder().content(new Content(null, null, null, content.contentHash())).build();
        }
        return d;
    }

    private Analysis slim(Analysis a) {
        if (!options.removeSystemPrompts() || !a.extras().has(SYSTEM_PROMPT)) {
            return a;
        }
        return new Analysis(a.type(), a.dialog(), a.attachment(), a.mediatype(), a.filename(), a.vendor(),
                a.product(), a.schema(), a.content(), a.extras().without(SYSTEM_PROMPT));
    }

    private static Attachment stub(Attachment a) {
        return new Attachment(a.purpose(), a.start(), a.party(), a.dialog(), null, null, null, null);
    }
}
