package io.conserver.domain.vcon;

import java.time.OffsetDateTime;

/**
 * An ancillary document exchanged in the conversation (draft §7): a picture, a contract, a tags list.
 *
 * @param purpose   free-text label ({@code type} in older producers, read as this)
 * @param start     when the document was sent or exchanged
 * @param party     index of the party that distributed it (MUST in core-03)
 * @param dialog    index of the related dialog
 */
public record Attachment(String purpose, OffsetDateTime start, Integer party, Integer dialog, String mediatype,
                         String filename, Content content, Extras extras) {
    public Attachment {
        content = content == null ? Content.EMPTY : content;
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static Attachment of(String purpose, Integer party, String mediatype, Content content) {
        return new Attachment(purpose, null, party, null, mediatype, null, content, Extras.EMPTY);
    }

    public Attachment withContent(Content newContent) {
        return new Attachment(purpose, start, party, dialog, mediatype, filename, newContent, extras);
    }
}
