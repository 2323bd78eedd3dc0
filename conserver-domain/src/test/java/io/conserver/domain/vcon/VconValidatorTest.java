package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.Severity.ERROR;
import static io.conserver.domain.vcon.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule of the draft's validator checklist (§10), each breaking exactly that rule. */
class VconValidatorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final VconValidator LENIENT = new VconValidator(ValidationOptions.lenient());
    private static final VconValidator STRICT = new VconValidator(ValidationOptions.strict());
    private static final String UUID = "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c";
    private static final String HASH =
            "sha512-GLy6IPaIUM1GqzZqfIPZlWjaDsNgNvZM0iCONNThnH0a75fhUM6cYzLZ5GynSURREvZwmOh54-2lRRieyj82UQ";
    private static final String MINIMAL = """
            {'uuid': '019b0a4e-2c1a-8e3f-9dd8-dd37220d739c', 'created_at': '2026-11-20T15:04:05Z',
             'parties': [{'tel': '+15551234567'}, {'name': 'Bob', 'validation': 'employee-id'}],
             'dialog': [{'type': 'text', 'start': '2026-11-20T15:04:05Z', 'parties': [0, 1],
                         'mediatype': 'text/plain', 'body': 'hello', 'encoding': 'none'}],
             'attachments': [{'purpose': 'invoice', 'start': '2026-11-20T15:04:05Z', 'party': 0, 'dialog': 0,
                              'mediatype': 'text/plain', 'body': 'total 5', 'encoding': 'none'}],
             'analysis': [{'type': 'summary', 'dialog': 0, 'vendor': 'acme', 'mediatype': 'text/plain',
                           'body': 'a greeting', 'encoding': 'none'}]}
            """;

    /** Every dialog type, inline and external content, channels, party_history and session_id; no redacted. */
    static final String RICH = """
            {
              "vcon": "0.4.0",
              "uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c",
              "created_at": "2026-11-20T15:04:05.123Z",
              "updated_at": "2026-11-20T16:10:00+01:00",
              "subject": "Billing question",
              "extensions": ["CC"],
              "parties": [
                {"tel": "+15551234567", "name": "Alice Caller", "validation": "none", "type": "person",
                 "civicaddress": {"country": "US", "a1": "CA", "pc": "94105"}, "gmlpos": "37.79 -122.39"},
                {"mailto": "bob@example.com", "name": "Bob Agent", "validation": "employee-id", "uuid": "agent-42",
                 "role": "agent", "contact_list": "billing", "type": "person", "org": "example.com", "dept": "billing"},
                {"sip": "sip:ivr@example.com", "type": "bot"},
                {"tel": "+15550000000", "did": "did:example:123", "type": "organization",
                 "stir": "eyJhbGciOiJFUzI1NiJ9.e30.c2ln"}
              ],
              "dialog": [
                {"type": "recording", "start": "2026-11-20T15:04:05Z", "duration": 125.5, "parties": [0, 1],
                 "originator": 0, "mediatype": "audio/x-wav", "filename": "call.wav",
                 "body": "UklGRi4uLi5XQVZFZm10IA", "encoding": "base64url", "recording_set": 3,
                 "session_id": [{"local": "00000000-0000-0000-0000-000000000001",
                                 "remote": "00000000-0000-0000-0000-000000000002"}, {}],
                 "party_history": [
                   {"party": 0, "time": "2026-11-20T15:04:05Z", "event": "join"},
                   {"party": 1, "time": "2026-11-20T15:04:06Z", "event": "join"},
                   {"party": 0, "time": "2026-11-20T15:05:00Z", "event": "keydown", "button": "5"},
                   {"party": 0, "time": "2026-11-20T15:05:00.2Z", "event": "keyup", "button": "5"},
                   {"party": 1, "time": "2026-11-20T15:06:00Z", "event": "hold"},
                   {"party": 1, "time": "2026-11-20T15:06:30Z", "event": "unhold"}],
                 "campaign": "winter", "interaction_type": "call", "interaction_id": "i-1", "skill": "billing",
                 "application": "PBX"},
                {"type": "recording", "start": "2026-11-20T15:06:10Z", "duration": 60, "parties": [[0, 2], null, 1],
                 "mediatype": "audio/ogg", "url": "https://media.example.com/call-2.ogg",
                 "content_hash": ["%1$s", "sha256-LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE"], "recording_set": 3,
                 "session_id": {"local": "00000000-0000-0000-0000-000000000003",
                                "remote": "00000000-0000-0000-0000-000000000000"}},
                {"type": "text", "start": "2026-11-20T15:08:00Z", "parties": [1, 0],
                 "mediatype": "text/plain; charset=UTF-8",
                 "body": "Your bill is ready.", "encoding": "none", "message_id": "<abc@example.com>"},
                {"type": "recording-set", "start": "2026-11-20T15:04:05Z", "duration": 185.5, "parties": [0, 1, 2],
                 "recordings": [0, 1], "session_id": {}},
                {"type": "incomplete", "start": "2026-11-20T15:07:00Z", "duration": 12, "parties": [1, 3],
                 "disposition": "no-answer"},
                {"type": "transfer", "start": "2026-11-20T15:07:30Z", "transferee": 0, "transferor": 1,
                 "transfer_target": 3, "original": 0, "consultation": 4, "target_dialog": 3}
              ],
              "attachments": [
                {"purpose": "invoice", "start": "2026-11-20T15:08:00Z", "party": 1, "dialog": 2,
                 "mediatype": "application/pdf", "filename": "invoice.pdf", "body": "JVBERi0xLjQK",
                 "encoding": "base64url"},
                {"purpose": "screenshot", "start": "2026-11-20T15:09:00-05:00", "party": 3, "dialog": 0,
                 "mediatype": "image/png", "url": "https://files.example.com/s.png", "content_hash": "%1$s"}
              ],
              "analysis": [
                {"type": "transcript", "dialog": [0, 1], "vendor": "whisper", "product": "large-v3",
                 "schema": "segments",
                 "mediatype": "application/json", "encoding": "json",
                 "body": {"text": "hello", "segments": [{"start": 0.0, "end": 1.2, "text": "hello", "speaker": 0}]}},
                {"type": "summary", "dialog": 2, "attachment": [0], "vendor": "acme", "mediatype": "text/plain",
                 "body": "The customer asked about the bill.", "encoding": "none"},
                {"type": "sentiment", "dialog": 0, "attachment": 1, "vendor": "acme", "mediatype": "application/json",
                 "url": "https://analysis.example.com/s.json", "content_hash": "%1$s"}
              ]
            }
            """.formatted(HASH);

    static ObjectNode rich() {
        try {
            return (ObjectNode) MAPPER.readTree(RICH);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    static JsonNode node(String singleQuotedJson) {
        try {
            return MAPPER.readTree(singleQuotedJson.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode minimal() {
        return (ObjectNode) node(MINIMAL);
    }

    private static ObjectNode bare() {
        return (ObjectNode) node("{'uuid': '" + UUID + "', 'created_at': '2026-11-20T15:04:05Z'}");
    }

    private static ObjectNode party(ObjectNode v, int i) {
        return (ObjectNode) v.get("parties").get(i);
    }

    private static ObjectNode dialog(ObjectNode v, int i) {
        return (ObjectNode) v.get("dialog").get(i);
    }

    private static ObjectNode attachment(ObjectNode v) {
        return (ObjectNode) v.get("attachments").get(0);
    }

    private static ObjectNode analysis(ObjectNode v) {
        return (ObjectNode) v.get("analysis").get(0);
    }

    /** Appends a dialog to the minimal vCon; it becomes dialog[1]. */
    private static ObjectNode withDialog(String singleQuotedJson) {
        ObjectNode v = minimal();
        ((ArrayNode) v.get("dialog")).add(node(singleQuotedJson));
        return v;
    }

    private static void assertError(JsonNode v, String path, String named) {
        assertOnly(LENIENT, v, ERROR, path, named);
        assertOnly(STRICT, v, ERROR, path, named);
    }

    private static void assertWarning(JsonNode v, String path, String named) {
        assertOnly(LENIENT, v, WARNING, path, named);
        assertOnly(STRICT, v, WARNING, path, named);
    }

    /** The rules lenient mode tolerates from real producers. */
    private static void assertWarningUnlessStrict(JsonNode v, String path, String named) {
        assertOnly(LENIENT, v, WARNING, path, named);
        assertOnly(STRICT, v, ERROR, path, named);
    }

    private static void assertClean(JsonNode v) {
        assertThat(LENIENT.validate(v)).isEmpty();
        assertThat(STRICT.validate(v)).isEmpty();
    }

    private static void assertOnly(VconValidator validator, JsonNode v, Severity severity, String path, String named) {
        assertThat(validator.validate(v)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.severity()).isEqualTo(severity);
            assertThat(p.message()).contains(named);
        });
    }

    // ---- the document --------------------------------------------------------------------------

    @Test
    void minimalVconIsClean() {
        assertClean(minimal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "'text'", "null", "true", "[{'uuid': 'x'}]"})
    void rootThatIsNotAnObjectIsAnError(String json) {
        assertError(node(json), "$", "JSON object");
    }

    @Test
    void javaNullRootIsAnErrorNotAnException() {
        assertThat(LENIENT.validate(null)).singleElement().extracting(Problem::path, Problem::severity)
                .containsExactly("$", ERROR);
    }

    @Test
    void vconWithoutPartiesDialogAnalysisOrAttachmentsIsWarned() {
        assertWarning(bare(), "$", "parties");
    }

    @Test
    void unsupportedVconVersionIsWarned() {
        assertWarning(minimal().put("vcon", "0.0.1"), "vcon", "vcon");
    }

    @Test
    void currentVconVersionIsAccepted() {
        assertClean(minimal().put("vcon", "0.4.0"));
    }

    // ---- uuid ----------------------------------------------------------------------------------

    @Test
    void missingUuidIsAnError() {
        ObjectNode v = minimal();
        v.remove("uuid");
        assertError(v, "uuid", "uuid");
    }

    @Test
    void emptyUuidIsAnError() {
        assertError(minimal().put("uuid", ""), "uuid", "uuid");
    }

    @Test
    void uuidThatIsNotAStringIsAnError() {
        assertError(minimal().put("uuid", 42), "uuid", "uuid");
    }

    @Test
    void syntacticallyInvalidUuidIsAnErrorOnlyInStrictMode() {
        assertWarningUnlessStrict(minimal().put("uuid", "SAMPLE-1234-5678"), "uuid", "uuid");
    }

    @Test
    void uuidThatIsNotVersion8IsWarned() {
        assertWarning(minimal().put("uuid", "3b241101-e2bb-4255-8caf-4136c566a962"), "uuid", "version 8");
    }

    // ---- top-level arrays ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"parties", "dialog", "attachments", "analysis"})
    void topLevelArrayOfAnotherTypeIsAnError(String field) {
        assertError(minimal().put(field, "oops"), field, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parties", "dialog", "attachments", "analysis"})
    void nullTopLevelArrayIsAnErrorOnlyInStrictMode(String field) {
        ObjectNode v = bare();
        v.set("parties", node("[{}]"));
        v.putNull(field);
        if (field.equals("parties")) {
            v.set("dialog", node("[{'type': 'text', 'mediatype': 'text/plain', 'body': 'hi', 'encoding': 'none'}]"));
        }
        assertWarningUnlessStrict(v, field, field);
    }

    // ---- extensions, critical, dates -----------------------------------------------------------

    @Test
    void extensionsThatIsNotAnArrayIsAnError() {
        assertError(minimal().put("extensions", "CC"), "extensions", "extensions");
    }

    @Test
    void extensionNameThatIsNotAStringIsAnError() {
        ObjectNode v = minimal();
        v.set("extensions", node("['CC', 7]"));
        assertError(v, "extensions[1]", "extensions");
    }

    @Test
    void criticalExtensionTheServerDoesNotSupportIsAnError() {
        ObjectNode v = minimal();
        v.set("critical", node("['lawful_basis']"));
        assertError(v, "critical[0]", "lawful_basis");
    }

    @Test
    void criticalExtensionTheServerSupportsIsAccepted() {
        ObjectNode v = minimal();
        v.set("critical", node("['lawful_basis']"));
        ValidationOptions options = ValidationOptions.strict().withSupportedExtensions(Set.of("lawful_basis"));
        assertThat(new VconValidator(options).validate(v)).isEmpty();
    }

    @Test
    void criticalThatIsNotAnArrayOfStringsIsAnError() {
        assertError(minimal().put("critical", 1), "critical", "critical");
    }

    @Test
    void missingCreatedAtIsAnErrorOnlyInStrictMode() {
        ObjectNode v = minimal();
        v.remove("created_at");
        assertWarningUnlessStrict(v, "created_at", "created_at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T15:04:05Z", "2026-11-20T15:04:05.123456789Z", "2026-11-20t15:04:05z",
        "2026-11-20T15:04:05+05:30", "2026-11-20T15:04:05.1-08:00", "2024-02-29T00:00:00Z", "2016-12-31T23:59:60Z"})
    void rfc3339TimestampsAreAccepted(String date) {
        assertClean(minimal().put("updated_at", date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "2026-11-20", "2026-11-20T15:04Z", "2026-11-20T15:04:05+0100",
        "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T15:04:05.Z",
        "2026-11-20T15:04:05 Z", "２０２６-11-20T15:04:05Z", "1763651045"})
    void unparseableTimestampIsAnError(String date) {
        assertError(minimal().put("updated_at", date), "updated_at", "updated_at");
    }

    @Test
    void timestampThatIsNotAStringIsAnError() {
        assertError(minimal().put("created_at", 1763651045), "created_at", "created_at");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T15:04:05", "2026-11-20T15:04:05.250"})
    void timestampWithoutZoneIsAnErrorOnlyInStrictMode(String date) {
        assertWarningUnlessStrict(minimal().put("created_at", date), "created_at", "created_at");
    }

    @Test
    void everyDateFieldIsChecked() {
        ObjectNode v = minimal().put("updated_at", "soon");
        dialog(v, 0).put("start", "soon");
        dialog(v, 0).set("party_history", node("[{'party': 0, 'time': 'soon', 'event': 'join'}]"));
        attachment(v).put("start", "soon");
        assertThat(LENIENT.validate(v)).extracting(Problem::path).containsExactly(
                "updated_at", "dialog[0].start", "dialog[0].party_history[0].time", "attachments[0].start");
    }

    @Test
    void subjectThatIsNotAStringIsAnError() {
        assertError(minimal().put("subject", 5), "subject", "subject");
    }

    // ---- redacted / amended --------------------------------------------------------------------

    @Test
    void redactedAndAmendedTogetherAreAnError() {
        ObjectNode v = minimal();
        v.set("redacted", node("{'uuid': '" + UUID + "', 'type': 'PII Redaction'}"));
        v.set("amended", node("{'uuid': '" + UUID + "'}"));
        assertError(v, "$", "redacted and amended");
    }

    @Test
    void emptyRedactedAndAmendedAsWrittenByLibrariesAreAccepted() {
        ObjectNode v = minimal();
        v.set("redacted", node("{}"));
        v.putNull("amended");
        assertClean(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"redacted", "amended"})
    void parentUrlWithoutContentHashIsAnError(String field) {
        ObjectNode v = minimal();
        v.set(field, node("{'uuid': '" + UUID + "', 'url': 'https://vcons.example.com/parent'}"));
        assertError(v, field + ".content_hash", "content_hash");
    }

    @Test
    void malformedParentContentHashIsAnError() {
        ObjectNode v = minimal();
        v.set("redacted", node("{'uuid': '" + UUID + "', 'type': 'PII', 'content_hash': 'SHA-512:abc'}"));
        assertError(v, "redacted.content_hash", "content_hash");
    }

    @Test
    void redactedThatIsNotAnObjectIsAnError() {
        assertError(minimal().put("redacted", "yes"), "redacted", "redacted");
    }

    // ---- unknown fields ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"meta", "tags", "metadata", "whatever"})
    void unknownRootFieldIsWarnedAndKept(String field) {
        ObjectNode v = minimal();
        v.set(field, node("{'a': 1}"));
        assertWarning(v, field, "unknown field '" + field + "' is kept as is");
    }

    @Test
    void reservedGroupFieldIsAcceptedAtTheRoot() {
        ObjectNode v = minimal();
        v.set("group", node("[]"));
        assertClean(v);
    }

    @Test
    void unknownFieldsAreWarnedOncePerPathInEveryObject() {
        ObjectNode v = minimal();
        v.put("meta", 1);
        party(v, 0).put("email", "a@example.com");
        dialog(v, 0).put("meta", 1);
        attachment(v).put("type", "tags");
        analysis(v).put("group", 1);
        List<Problem> problems = LENIENT.validate(v);
        assertThat(problems).extracting(Problem::path).containsExactly(
                "meta", "parties[0].email", "dialog[0].meta", "attachments[0].type", "analysis[0].group");
        assertThat(problems).extracting(Problem::path).doesNotHaveDuplicates();
        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(WARNING));
    }

    @Test
    void contactCentreExtensionFieldsAreKnown() {
        ObjectNode v = minimal();
        party(v, 1).put("role", "agent").put("contact_list", "vip");
        dialog(v, 0).put("campaign", "winter").put("interaction_type", "chat").put("interaction_id", "42")
                .put("skill", "billing");
        assertClean(v);
    }

    // ---- parties -------------------------------------------------------------------------------

    @Test
    void partyThatIsNotAnObjectIsAnError() {
        ObjectNode v = minimal();
        ((ArrayNode) v.get("parties")).set(1, node("'Bob'"));
        assertError(v, "parties[1]", "parties[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tel", "sip", "stir", "mailto", "name", "did", "validation", "gmlpos", "uuid", "type",
        "org", "dept"})
    void partyStringFieldOfAnotherTypeIsAnError(String field) {
        ObjectNode v = minimal();
        party(v, 1).put(field, 42);
        assertError(v, "parties[1]." + field, field);
    }

    @Test
    void partyWithNameButNoValidationIsWarned() {
        ObjectNode v = minimal();
        party(v, 1).remove("validation");
        assertWarning(v, "parties[1].validation", "validation");
    }

    @Test
    void partyTypeOutsideTheListIsWarned() {
        ObjectNode v = minimal();
        party(v, 0).put("type", "robot");
        assertWarning(v, "parties[0].type", "type");
    }

    @Test
    void civicAddressValueThatIsNotAStringIsAnError() {
        ObjectNode v = minimal();
        party(v, 0).set("civicaddress", node("{'country': 'US', 'pc': 94105}"));
        assertError(v, "parties[0].civicaddress.pc", "pc");
    }

    @Test
    void civicAddressThatIsNotAnObjectIsAnError() {
        ObjectNode v = minimal();
        party(v, 0).put("civicaddress", "1 Main St");
        assertError(v, "parties[0].civicaddress", "civicaddress");
    }

    // ---- dialog type and disposition -----------------------------------------------------------

    @Test
    void dialogTypeOutsideTheFiveIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).put("type", "audio");
        assertError(v, "dialog[0].type",
                "type must be one of recording, text, transfer, incomplete, recording-set; was \"audio\"");
    }

    @Test
    void missingDialogTypeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).remove("type");
        assertError(v, "dialog[0].type", "type");
    }

    @Test
    void dialogThatIsNotAnObjectIsAnError() {
        ObjectNode v = minimal();
        ((ArrayNode) v.get("dialog")).add(7);
        assertError(v, "dialog[1]", "dialog[1]");
    }

    @Test
    void incompleteDialogWithoutDispositionIsAnError() {
        assertError(withDialog("{'type': 'incomplete', 'parties': [0, 1]}"), "dialog[1].disposition", "disposition");
    }

    @Test
    void incompleteDialogWithUnknownDispositionIsAnError() {
        assertError(withDialog("{'type': 'incomplete', 'disposition': 'timeout'}"), "dialog[1].disposition",
                "disposition");
    }

    @Test
    void dispositionOnAnotherTypeIsWarned() {
        ObjectNode v = minimal();
        dialog(v, 0).put("disposition", "failed");
        assertWarning(v, "dialog[0].disposition", "should not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "'long'", "true", "{}"})
    void durationThatIsNegativeOrNotANumberIsAnError(String duration) {
        ObjectNode v = minimal();
        dialog(v, 0).set("duration", node(duration));
        assertError(v, "dialog[0].duration", "duration");
    }

    // ---- applicability table (-04) -------------------------------------------------------------

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'type': 'transfer'}|parties|[0]",
        "{'type': 'transfer'}|originator|0",
        "{'type': 'transfer'}|session_id|{}",
        "{'type': 'transfer'}|party_history|[]",
        "{'type': 'transfer'}|mediatype|'text/plain'",
        "{'type': 'transfer'}|body|'x'",
        "{'type': 'incomplete', 'disposition': 'busy'}|filename|'a.wav'",
        "{'type': 'incomplete', 'disposition': 'busy'}|encoding|'none'",
        "{'type': 'incomplete', 'disposition': 'busy'}|message_id|'m-1'",
        "{'type': 'incomplete', 'disposition': 'busy'}|recordings|[]",
        "{'type': 'recording-set', 'recordings': []}|url|'https://example.com/a'",
        "{'type': 'recording-set', 'recordings': []}|content_hash|'" + HASH + "'",
        "{'type': 'recording-set', 'recordings': []}|mediatype|'audio/ogg'",
        "{'type': 'recording', 'url': 'https://example.com/a.wav', 'content_hash': '" + HASH + "'}|recordings|[1]",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|transferee|0",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|transferor|0",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|transfer_target|0",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|original|0",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|consultation|0",
        "{'type': 'text', 'body': 'hi', 'encoding': 'none'}|target_dialog|0",
    })
    void fieldTheApplicabilityTableForbidsIsAnError(String dialogJson, String field, String value) {
        ObjectNode v = withDialog(dialogJson);
        dialog(v, 1).set(field, node(value));
        assertError(v, "dialog[1]." + field, field);
    }

    @Test
    void recordingSetWithoutRecordingsIsAnError() {
        assertError(withDialog("{'type': 'recording-set', 'parties': [0]}"), "dialog[1].recordings", "recordings");
    }

    @Test
    void recordingSetListingANonRecordingIsAnError() {
        assertError(withDialog("{'type': 'recording-set', 'recordings': [0]}"), "dialog[1].recordings[0]",
                "recordings");
    }

    @Test
    void recordingSetPointerToANonRecordingSetIsAnError() {
        ObjectNode v = withDialog("{'type': 'recording', 'mediatype': 'audio/ogg', 'body': '', 'encoding': "
                + "'base64url', 'recording_set': 0}");
        assertError(v, "dialog[1].recording_set", "recording_set");
    }

    // ---- index references ----------------------------------------------------------------------

    @Test
    void dialogPartyOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).set("parties", node("[0, 7]"));
        assertError(v, "dialog[0].parties[1]", "dialog[0].parties[1] refers to party 7 but the vCon has 2 parties");
    }

    @Test
    void singleDialogPartyOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).put("parties", 2);
        assertError(v, "dialog[0].parties", "parties");
    }

    @Test
    void channelArrayMemberOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).set("parties", node("[[0, 9], 1]"));
        assertError(v, "dialog[0].parties[0][1]", "party 9");
    }

    @Test
    void nullChannelIsAcceptedButNotInsideAChannel() {
        ObjectNode v = minimal();
        dialog(v, 0).set("parties", node("[null, [1, 0]]"));
        assertClean(v);
        dialog(v, 0).set("parties", node("[[null], 1]"));
        assertError(v, "dialog[0].parties[0][0]", "parties");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "1.0", "'0'", "true", "{}", "18446744073709551616", "-18446744073709551616",
        "4294967296"})
    void indexThatIsNotASmallNonNegativeIntegerIsAnError(String index) {
        ObjectNode v = minimal();
        dialog(v, 0).set("parties", node("[" + index + ", 1]"));
        assertError(v, "dialog[0].parties[0]", "parties[0]");
    }

    @Test
    void originatorOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).put("originator", 2);
        assertError(v, "dialog[0].originator", "originator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"transferee", "transferor", "transfer_target"})
    void transferPartyOutOfRangeIsAnError(String field) {
        assertError(withDialog("{'type': 'transfer', '" + field + "': 5}"), "dialog[1]." + field, field);
    }

    @Test
    void transferTargetArrayMemberOutOfRangeIsAnError() {
        assertError(withDialog("{'type': 'transfer', 'transfer_target': [0, 5]}"), "dialog[1].transfer_target[1]",
                "transfer_target");
    }

    @ParameterizedTest
    @ValueSource(strings = {"original", "consultation", "target_dialog"})
    void transferDialogLinkOutOfRangeIsAnError(String field) {
        assertError(withDialog("{'type': 'transfer', '" + field + "': [0, 4]}"), "dialog[1]." + field + "[1]", field);
    }

    @Test
    void transferLinkingATransferIsAnError() {
        assertError(withDialog("{'type': 'transfer', 'original': 1}"), "dialog[1].original", "original");
    }

    @Test
    void originalThatFailedIsAnErrorButAFailedConsultationIsNot() {
        ObjectNode v = withDialog("{'type': 'incomplete', 'disposition': 'no-answer'}");
        ((ArrayNode) v.get("dialog")).add(node("{'type': 'transfer', 'original': 0, 'consultation': 1}"));
        assertClean(v);
        dialog(v, 2).put("original", 1);
        assertError(v, "dialog[2].original", "original");
    }

    @Test
    void partyHistoryPartyOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).set("party_history", node("[{'party': 3, 'time': '2026-11-20T15:04:05Z', 'event': 'join'}]"));
        assertError(v, "dialog[0].party_history[0].party", "party");
    }

    @Test
    void attachmentPartyOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        attachment(v).put("party", 2);
        assertError(v, "attachments[0].party", "party");
    }

    @Test
    void attachmentDialogOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        attachment(v).put("dialog", 1);
        assertError(v, "attachments[0].dialog", "refers to dialog 1 but the vCon has 1 dialog");
    }

    @Test
    void missingAttachmentPartyIsAnErrorOnlyInStrictMode() {
        ObjectNode v = minimal();
        attachment(v).remove("party");
        assertWarningUnlessStrict(v, "attachments[0].party", "party");
    }

    @Test
    void tagsAttachmentNeedsNoPartyEvenInStrictMode() {
        ObjectNode v = minimal();
        ((ArrayNode) v.get("attachments")).add(node("{'purpose': 'tags', 'encoding': 'json', "
                + "'body': ['lang:en', 'queue:billing']}"));
        assertClean(v);
    }

    @Test
    void tagsAttachmentPartyIsStillCheckedWhenGiven() {
        ObjectNode v = minimal();
        attachment(v).put("purpose", "tags").put("party", 2);
        assertError(v, "attachments[0].party", "party");
    }

    @Test
    void analysisDialogOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        analysis(v).put("dialog", 3);
        assertError(v, "analysis[0].dialog", "dialog");
        analysis(v).set("dialog", node("[0, -2]"));
        assertError(v, "analysis[0].dialog[1]", "dialog");
    }

    @Test
    void analysisAttachmentOutOfRangeIsAnError() {
        ObjectNode v = minimal();
        analysis(v).put("attachment", 1);
        assertError(v, "analysis[0].attachment", "attachment");
        analysis(v).set("attachment", node("[0, 'x']"));
        assertError(v, "analysis[0].attachment[1]", "attachment");
    }

    @Test
    void missingAnalysisVendorIsAnErrorOnlyInStrictMode() {
        ObjectNode v = minimal();
        analysis(v).remove("vendor");
        assertWarningUnlessStrict(v, "analysis[0].vendor", "vendor");
    }

    // ---- content -------------------------------------------------------------------------------

    @Test
    void bodyAndUrlTogetherAreAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).put("url", "https://example.com/m.txt").put("content_hash", HASH);
        assertError(v, "dialog[0]", "body and url");
    }

    @Test
    void unknownEncodingIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).put("encoding", "base64");
        assertError(v, "dialog[0].encoding", "encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc+/", "A", "aGVsbG8=!", "aGVsbG8===", "aGVs bG8", "QQ=", "=QQ="})
    void invalidBase64urlBodyIsAnError(String body) {
        ObjectNode v = minimal();
        dialog(v, 0).put("encoding", "base64url").put("body", body);
        assertError(v, "dialog[0].body", "base64url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "QQ", "QQ==", "QUI", "QUI=", "UklGRi4uLi5XQVZFZm10IA", "-_-_"})
    void validBase64urlBodyIsAccepted(String body) {
        ObjectNode v = minimal();
        dialog(v, 0).put("encoding", "base64url").put("body", body);
        assertClean(v);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"none|{'a': 1}", "base64url|42", "none|[1]"})
    void nonStringBodyUnderStringEncodingIsAnError(String encoding, String body) {
        ObjectNode v = minimal();
        dialog(v, 0).put("encoding", encoding).set("body", node(body));
        assertError(v, "dialog[0].body", "body");
    }

    @Test
    void structuredBodyUnderJsonEncodingIsAccepted() {
        ObjectNode v = minimal();
        analysis(v).put("encoding", "json").put("mediatype", "application/json")
                .set("body", node("{'segments': [{'text': 'hi', 'start': 0.5}]}"));
        assertClean(v);
    }

    @Test
    void bodyWithoutEncodingIsAnErrorOnlyInStrictMode() {
        ObjectNode v = minimal();
        dialog(v, 0).remove("encoding");
        assertWarningUnlessStrict(v, "dialog[0].encoding", "encoding");
    }

    @Test
    void urlWithoutContentHashIsAnError() {
        ObjectNode v = minimal();
        attachment(v).remove(List.of("body", "encoding")).put("url", "https://files.example.com/a.pdf");
        assertError(v, "attachments[0].content_hash", "content_hash");
    }

    @Test
    void malformedContentHashIsAnError() {
        ObjectNode v = minimal();
        attachment(v).remove(List.of("body", "encoding")).put("url", "https://files.example.com/a.pdf")
                .put("content_hash", "SHA-512:abc");
        assertError(v, "attachments[0].content_hash", "content_hash");
    }

    @Test
    void malformedContentHashInAnArrayIsAnErrorAtItsIndex() {
        ObjectNode v = minimal();
        attachment(v).remove(List.of("body", "encoding")).put("url", "https://files.example.com/a.pdf")
                .set("content_hash", node("['" + HASH + "', 'md5:xyz']"));
        assertError(v, "attachments[0].content_hash[1]", "content_hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://files.example.com/a.pdf", "s3://bucket/a.pdf"})
    void urlThatIsNotHttpsIsWarned(String url) {
        ObjectNode v = minimal();
        attachment(v).remove(List.of("body", "encoding")).put("url", url).put("content_hash", HASH);
        assertWarning(v, "attachments[0].url", "https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "audio/", "/wav", "audio wav", "text/plain charset=utf-8"})
    void mediatypeThatIsNotTypeSlashSubtypeIsAnError(String mediatype) {
        ObjectNode v = minimal();
        dialog(v, 0).put("mediatype", mediatype);
        assertError(v, "dialog[0].mediatype", "mediatype");
    }

    @Test
    void mediatypeWithParametersIsAccepted() {
        ObjectNode v = minimal();
        dialog(v, 0).put("mediatype", "text/plain; charset=UTF-8");
        assertClean(v);
    }

    @Test
    void textDialogWithoutContentIsWarnedUnlessTheVconIsRedacted() {
        ObjectNode v = minimal();
        dialog(v, 0).remove(List.of("body", "encoding"));
        assertWarning(v, "dialog[0]", "body");
        v.set("redacted", node("{'uuid': '" + UUID + "', 'type': 'PII Redaction'}"));
        assertClean(v);
    }

    @Test
    void recordingDialogWithoutContentIsWarned() {
        assertWarning(withDialog("{'type': 'recording', 'parties': [0, 1], 'mediatype': 'audio/ogg'}"), "dialog[1]",
                "recording");
    }

    @Test
    void emptyPlaceholderIsAcceptedInARedactedVcon() {
        ObjectNode v = minimal();
        v.set("redacted", node("{'uuid': '" + UUID + "', 'type': 'PII Redaction'}"));
        ((ArrayNode) v.get("dialog")).add(node("{}"));
        ((ArrayNode) v.get("attachments")).add(node("{}"));
        assertClean(v);
    }

    // ---- session_id and party_history ----------------------------------------------------------

    @Test
    void plainStringSessionIdIsAnErrorOnlyInStrictMode() {
        ObjectNode v = minimal();
        dialog(v, 0).put("session_id", "abc123");
        assertWarningUnlessStrict(v, "dialog[0].session_id", "session_id");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "42|dialog[0].session_id",
        "{'local': 'a'}|dialog[0].session_id.remote",
        "[{}, 7]|dialog[0].session_id[1]",
        "[[{'local': 1, 'remote': 'b'}], {}]|dialog[0].session_id[0][0].local",
    })
    void sessionIdOfTheWrongShapeIsAnError(String sessionId, String path) {
        ObjectNode v = minimal();
        dialog(v, 0).set("session_id", node(sessionId));
        assertError(v, path, "session_id");
    }

    @Test
    void partyHistoryEventOutsideTheListIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).set("party_history", node("[{'party': 0, 'time': '2026-11-20T15:04:05Z', 'event': 'left'}]"));
        assertError(v, "dialog[0].party_history[0].event", "event");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keydown", "keyup"})
    void keyEventWithoutButtonIsAnError(String event) {
        ObjectNode v = minimal();
        dialog(v, 0).set("party_history",
                node("[{'party': 0, 'time': '2026-11-20T15:04:05Z', 'event': '" + event + "'}]"));
        assertError(v, "dialog[0].party_history[0].button", "button");
    }

    @Test
    void partyHistoryThatIsNotAnArrayIsAnError() {
        ObjectNode v = minimal();
        dialog(v, 0).set("party_history", node("{'party': 0}"));
        assertError(v, "dialog[0].party_history", "party_history");
    }

    // ---- whole documents -----------------------------------------------------------------------

    @Test
    void richValidVconHasNoProblemsInEitherMode() {
        assertClean(rich());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode v = minimal().put("uuid", "");
        dialog(v, 0).put("type", "audio");
        dialog(v, 0).set("parties", node("[0, 9]"));
        attachment(v).put("encoding", "gzip");
        analysis(v).put("dialog", -1);
        assertThat(STRICT.validate(v)).extracting(Problem::path, Problem::severity).containsExactly(
                tuple("uuid", ERROR),
                tuple("dialog[0].type", ERROR),
                tuple("dialog[0].parties[1]", ERROR),
                tuple("attachments[0].encoding", ERROR),
                tuple("analysis[0].dialog", ERROR));
    }

    @Test
    void problemsComeInDocumentOrder() {
        ObjectNode v = minimal();
        analysis(v).remove("vendor");
        attachment(v).remove("party");
        dialog(v, 0).put("meta", 1);
        party(v, 1).remove("validation");
        v.remove("created_at");
        assertThat(LENIENT.validate(v)).extracting(Problem::path).containsExactly("created_at",
                "parties[1].validation", "dialog[0].meta", "attachments[0].party", "analysis[0].vendor");
    }

    @Test
    void resultIsImmutable() {
        List<Problem> problems = LENIENT.validate(bare());
        assertThat(problems).hasSize(1);
        assertThatThrownBy(() -> problems.clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
