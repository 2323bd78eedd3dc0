package io.conserver.domain.vcon;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * The names of the fields the writer knows, each encoded once. The generator writes a String name by
 * checking every character for escapes on every call; a pre-encoded name is copied as bytes, which
 * for the hundreds of names in a vCon is about a sixth of the writing time.
 */
enum FieldName {
    AMENDED,
    ANALYSIS,
    APPLICATION,
    ATTACHMENT,
    ATTACHMENTS,
    BODY,
    BUTTON,
    CIVICADDRESS,
    CONSULTATION,
    CONTENT_HASH,
    CREATED_AT,
    CRITICAL,
    DEPT,
    DIALOG,
    DID,
    DISPOSITION,
    DURATION,
    ENCODING,
    EVENT,
    EXTENSIONS,
    FILENAME,
    GMLPOS,
    LOCAL,
    MAILTO,
    MEDIATYPE,
    MESSAGE_ID,
    NAME,
    ORG,
    ORIGINAL,
    ORIGINATOR,
    PARTIES,
    PARTY,
    PARTY_HISTORY,
    PRODUCT,
    PURPOSE,
    RECORDING_SET,
    RECORDINGS,
    REDACTED,
    REMOTE,
    SCHEMA,
    SESSION_ID,
    SIP,
    START,
    STIR,
    SUBJECT,
    TARGET_DIALOG,
    TEL,
    TIME,
    TRANSFER_TARGET,
    TRANSFEREE,
    TRANSFEROR,
    TYPE,
    UPDATED_AT,
    URL,
    UUID,
    VALIDATION,
    VCON,
    VENDOR;

    /** The JSON name: the constant's name in lower case, which is how every field of the draft is spelt. */
    final SerializableString json = new SerializedString(name().toLowerCase(Locale.ROOT));
}
