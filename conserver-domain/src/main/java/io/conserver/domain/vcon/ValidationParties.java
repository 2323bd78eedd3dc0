package io.conserver.domain.vcon;

import static io.conserver.domain.vcon.ValidationContext.present;
import static io.conserver.domain.vcon.ValidationValues.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** The party objects of draft §5. Every party field is optional, so {@code {}} is a valid party. */
final class ValidationParties {
    /** core-03 party fields: all strings except civicaddress. */
    private static final Set<String> STRING_FIELDS = Set.of("tel", "sip", "stir", "mailto", "name", "did",
            "validation", "gmlpos", "uuid", "type", "org", "dept");
    /** The CC extension's party fields, known but not checked here. */
    private static final Set<String> EXTENSION_FIELDS = Set.of("role", "contact_list");
    /** The party types of draft §5; StreamReader checks against the same set. */
    static final Set<String> PARTY_TYPES = Set.of("person", "bot", "organization");
    /** The end of the warning for a named party without validation; StreamReader reports it too. */
    static final String UNVALIDATED_NAME = " should say how the identity was checked, since the party has a name";

    private ValidationParties() {
    }

    static void check(ValidationContext ctx, JsonNode parties) {
        ValidationPath array = ValidationPath.ROOT.field("parties");
        for (int i = 0; i < parties.size(); i++) {
            party(ctx, parties.get(i), array.index(i));
        }
    }

    private static void party(ValidationContext ctx, JsonNode party, ValidationPath prefix) {
        if (!party.isObject()) {
            ctx.error(prefix, prefix + " must be an object; was " + describe(party));
            return;
        }
        // One pass over the party's own fields: parties are the most numerous objects in a vCon.
        for (Map.Entry<String, JsonNode> field : party.properties()) {
            String name = field.getKey();
            JsonNode v = field.getValue();
            if (STRING_FIELDS.contains(name)) {
                if (present(v) && !v.isTextual()) {
                    ValidationPath path = prefix.field(name);
                    ctx.error(path, path + " must be a string; was " + describe(v));
                }
            } else if (name.equals("civicaddress")) {
                civicAddress(ctx, v, prefix);
            } else if (!EXTENSION_FIELDS.contains(name)) {
                ctx.unknownField(prefix, name);
            }
        }
        JsonNode name = party.get("name");
        if (name != null && name.isTextual() && !present(party.get("validation"))) {
            ValidationPath path = prefix.field("validation");
            ctx.warning(path, path + UNVALIDATED_NAME);
        }
        JsonNode type = party.get("type");
        if (type != null && type.isTextual() && !PARTY_TYPES.contains(type.textValue())) {
            ValidationPath path = prefix.field("type");
            ctx.warning(path, path + " should be one of person, bot, organization; was " + describe(type));
        }
    }

    private static void civicAddress(ValidationContext ctx, JsonNode address, ValidationPath prefix) {
        if (!present(address)) {
            return;
        }
        if (!address.isObject()) {
            ValidationPath path = prefix.field("civicaddress");
            ctx.error(path, path + " must be an object of strings; was " + describe(address));
            return;
        }
        for (Map.Entry<String, JsonNode> field : address.properties()) {
            JsonNode v = field.getValue();
            if (present(v) && !v.isTextual()) {
                ValidationPath path = prefix.field("civicaddress").field(field.getKey());
                ctx.error(path, path + " must be a string; was " + describe(v));
            }
        }
    }
}
