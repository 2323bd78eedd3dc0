package io.conserver.domain.vcon;

import java.util.List;

/**
 * Data derived from the conversation (draft §8): a transcript, summary, sentiment, translation...
 *
 * @param type       {@code report sentiment summary transcript translation tts} or a producer's own label
 * @param dialog     indices of the source dialogs (written as an int when there is one)
 * @param attachment indices of the source attachments (core-03)
 * @param vendor     who produced it (required)
 */
public record Analysis(String type, List<Integer> dialog, List<Integer> attachment, String mediatype,
                       String filename, String vendor, String product, String schema, Content content,
                       Extras extras) {
    public Analysis {
        dialog = dialog == null ? List.of() : List.copyOf(dialog);
        attachment = attachment == null ? List.of() : List.copyOf(attachment);
        content = content == null ? Content.EMPTY : content;
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static Analysis of(String type, List<Integer> dialog, String vendor, Content content) {
        return new Analysis(type, dialog, List.of(), null, null, vendor, null, null, content, Extras.EMPTY);
    }

    public Analysis withContent(Content newContent) {
        return new Analysis(type, dialog, attachment, mediatype, filename, vendor, product, schema, newContent, extras);
    }
}
