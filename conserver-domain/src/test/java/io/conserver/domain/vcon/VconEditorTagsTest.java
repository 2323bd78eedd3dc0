package io.conserver.domain.vcon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags as vcon-lib stores them: one {@code purpose: "tags"} attachment with a JSON array of "name:value". */
class VconEditorTagsTest {
    private static final Clock CREATED = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(Instant.parse("2025-03-01T10:05:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vcon vcon() {
        Vcon vcon = VconEditor.create("example.com", CREATED);
        return VconEditor.addParty(vcon, Party.ofTel("+15550100001"), CREATED).vcon();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Vcon withTagsAttachment(Content content) {
        return VconEditor.addAttachment(vcon(), new Attachment("tags", null, null, null, null, null, content, null),
                CREATED).vcon();
    }

    @Test
    void theFirstTagCreatesTheVconLibAttachment() throws Exception {
        Vcon tagged = VconTags.addTag(vcon(), "priority", "high", LATER);
        assertThat(tagged.attachments()).hasSize(1);
        Attachment tags = tagged.attachments().get(0);
        assertThat(tags.purpose()).isEqualTo("tags");
        assertThat(tags.content().encoding()).isEqualTo("json");
        assertThat(tags.content().body()).isEqualTo(json("[\"priority:high\"]"));
        assertThat(tags.content().url()).isNull();
        assertThat(tags.content().contentHash()).isEmpty();
        assertThat(tags.start()).isNull();
        assertThat(tags.party()).isNull();
        assertThat(tags.dialog()).isNull();
        assertThat(tags.mediatype()).isNull();
        assertThat(tags.filename()).isNull();
        assertThat(tags.extras().isEmpty()).isTrue();
        assertThat(tagged.updatedAt()).isEqualTo(OffsetDateTime.ofInstant(LATER.instant(), ZoneOffset.UTC));
    }

    @Test
    void aTaggedVconPassesStrictReading() {
        Vcon tagged = VconTags.addTag(vcon(), "priority", "high", LATER);
        VconCodec strict = VconCodec.strict();
        assertThat(strict.check(strict.write(tagged))).noneMatch(p -> p.path().startsWith("attachments"));
    }

    @Test
    void vconLibTagsWithTheLegacyTypeNamePassStrictReading() {
        String legacy = """
                {"uuid": "019b0a4e-2c1a-8e3f-9dd8-dd37220d739c", "created_at": "2026-11-20T15:04:05Z",
                 "parties": [{"tel": "+15551234567"}],
                 "attachments": [{"type": "tags", "encoding": "json", "body": ["priority:high"]}]}
                """;
        List<Problem> problems = VconCodec.strict().read(legacy).warnings();
        assertThat(problems).extracting(Problem::path).containsExactly("attachments[0].type");
        assertThat(VconTags.tags(VconCodec.strict().parse(legacy))).containsExactly(entry("priority", "high"));
    }

    @Test
    void addingReplacesTheValueForTheNameAndKeepsTheOthersInOrder() throws Exception {
        Vcon tagged = VconTags.addTag(vcon(), "priority", "high", LATER);
        tagged = VconTags.addTag(tagged, "queue", "billing", LATER);
        tagged = VconTags.addTag(tagged, "lang", "en", LATER);
        tagged = VconTags.addTag(tagged, "priority", "low", LATER);
        assertThat(tagged.attachments()).hasSize(1);
        assertThat(tagged.attachments().get(0).content().body())
                .isEqualTo(json("[\"priority:low\", \"queue:billing\", \"lang:en\"]"));
        assertThat(VconTags.tags(tagged)).containsExactly(entry("priority", "low"), entry("queue", "billing"),
                entry("lang", "en"));
        assertThat(VconTags.getTag(tagged, "queue")).contains("billing");
        assertThat(VconTags.getTag(tagged, "absent")).isEmpty();
    }

    @Test
    void theTagsAttachmentKeepsItsPlaceAmongOtherAttachments() {
        Vcon vcon = VconTags.addTag(vcon(), "a", "1", CREATED);
        vcon = VconEditor.addAttachment(vcon, "contract", 0, null, "text/plain", Content.text("c"), CREATED).vcon();
        Vcon tagged = VconTags.addTag(vcon, "b", "2", LATER);
        assertThat(tagged.attachments()).extracting(Attachment::purpose).containsExactly("tags", "contract");
        assertThat(tagged.attachments().get(1)).isEqualTo(vcon.attachments().get(1));
        assertThat(VconTags.tags(tagged)).containsExactly(entry("a", "1"), entry("b", "2"));
    }

    @Test
    void aValueMayContainColonsButANameMayNot() {
        Vcon tagged = VconTags.addTag(vcon(), "source", "https://crm.example.com:8443/x", LATER);
        assertThat(VconTags.getTag(tagged, "source")).contains("https://crm.example.com:8443/x");
        assertThat(VconTags.addTag(tagged, "source", "", LATER).attachments().get(0).content().body().get(0).textValue())
                .isEqualTo("source:");
        assertThatThrownBy(() -> VconTags.addTag(vcon(), "a:b", "c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("':'");
        assertThatThrownBy(() -> VconTags.addTag(vcon(), "", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VconTags.addTag(vcon(), "a", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameIsNotMatchedByItsPrefix() {
        Vcon tagged = VconTags.addTag(VconTags.addTag(vcon(), "lang", "en"), "language", "English");
        assertThat(VconTags.getTag(VconTags.removeTag(tagged, "lang"), "language")).contains("English");
        assertThat(VconTags.tags(VconTags.addTag(tagged, "lang", "fr"))).containsEntry("language", "English");
    }

    @Test
    void removeTagKeepsTheAttachmentSoLaterIndicesStayStable() throws Exception {
        Vcon tagged = VconTags.addTag(VconTags.addTag(vcon(), "a", "1", CREATED), "b", "2", CREATED);
        Vcon removed = VconTags.removeTag(tagged, "a", LATER);
        assertThat(VconTags.tags(removed)).containsExactly(entry("b", "2"));
        assertThat(removed.updatedAt()).isEqualTo(OffsetDateTime.ofInstant(LATER.instant(), ZoneOffset.UTC));
        Vcon empty = VconTags.removeTag(removed, "b", LATER);
        assertThat(empty.attachments()).hasSize(1);
        assertThat(empty.attachments().get(0).content().body()).isEqualTo(json("[]"));
        assertThat(VconTags.removeTag(removed, "absent", LATER)).isSameAs(removed);
        assertThat(VconTags.removeTag(vcon(), "absent", LATER).attachments()).isEmpty();
        assertThat(VconTags.tags(tagged)).hasSize(2);
    }

    @Test
    void readsTheStringifiedBodyOfOlderProducersAndRewritesItAsAnArray() throws Exception {
        Vcon legacy = withTagsAttachment(new Content(TextNode.valueOf("[\"a:1\",\"b:2\"]"), "json", null, List.of()));
        assertThat(VconTags.tags(legacy)).containsExactly(entry("a", "1"), entry("b", "2"));
        Vcon tagged = VconTags.addTag(legacy, "c", "3", LATER);
        assertThat(tagged.attachments().get(0).content().body()).isEqualTo(json("[\"a:1\",\"b:2\",\"c:3\"]"));
    }

    @Test
    void theFirstOfSeveralValuesAppendedByVconLibWinsAndAddingCollapsesThem() throws Exception {
        Vcon appended = withTagsAttachment(Content.json(json("[\"a:1\", \"b:2\", \"a:3\"]")));
        assertThat(VconTags.getTag(appended, "a")).contains("1");
        Vcon tagged = VconTags.addTag(appended, "a", "4", LATER);
        assertThat(tagged.attachments().get(0).content().body()).isEqualTo(json("[\"a:4\", \"b:2\"]"));
    }

    @Test
    void entriesThatAreNotNameValueStringsAreSkippedButKept() throws Exception {
        Vcon odd = withTagsAttachment(Content.json(json("[\"a:1\", 42, \"no-colon\", {\"x\": 1}]")));
        assertThat(VconTags.tags(odd)).containsExactly(entry("a", "1"));
        assertThat(VconTags.addTag(odd, "b", "2", LATER).attachments().get(0).content().body())
                .isEqualTo(json("[\"a:1\", 42, \"no-colon\", {\"x\": 1}, \"b:2\"]"));
        assertThat(VconTags.tags(withTagsAttachment(Content.text("not json")))).isEmpty();
    }

    @Test
    void settingTheSameValueAgainChangesNothing() {
        Vcon tagged = VconTags.addTag(vcon(), "a", "1", CREATED);
        assertThat(VconTags.addTag(tagged, "a", "1", LATER)).isSameAs(tagged);
    }

    @Test
    void taggingLeavesTheOriginalUntouched() {
        Vcon tagged = VconTags.addTag(vcon(), "a", "1", CREATED);
        String before = tagged.toString();
        VconTags.addTag(tagged, "a", "2", LATER);
        VconTags.addTag(tagged, "b", "2", LATER);
        VconTags.removeTag(tagged, "a", LATER);
        assertThat(tagged.toString()).isEqualTo(before);
        assertThat(VconTags.tags(tagged)).containsExactly(entry("a", "1"));
    }
}
