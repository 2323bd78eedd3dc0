package io.conserver.domain.vcon;

/**
 * One participant of the conversation (draft §5). Every field is optional; parties are identified by
 * their index in the vCon's {@code parties} array. Fields of extensions (the CC extension's
 * {@code role} and {@code contact_list}) and unknown fields live in {@link #extras()}.
 */
public record Party(String tel, String sip, String stir, String mailto, String name, String did,
                    String validation, String gmlpos, CivicAddress civicaddress, String uuid, String type,
                    String org, String dept, Extras extras) {
    public static final String PERSON = "person";
    public static final String BOT = "bot";
    public static final String ORGANIZATION = "organization";

    public Party {
        extras = extras == null ? Extras.EMPTY : extras;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A party known by telephone number only. */
    public static Party ofTel(String tel) {
        return builder().tel(tel).build();
    }

    /** A party known by e-mail address only. */
    public static Party ofMailto(String mailto) {
        return builder().mailto(mailto).build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.tel = tel;
        b.sip = sip;
        b.stir = stir;
        b.mailto = mailto;
        b.name = name;
        b.did = did;
        b.validation = validation;
        b.gmlpos = gmlpos;
        b.civicaddress = civicaddress;
        b.uuid = uuid;
        b.type = type;
        b.org = org;
        b.dept = dept;
        b.extras = extras;
        return b;
    }

    /** The {@code tel} without its optional {@code tel:} prefix. */
    public String bareTel() {
        return tel != null && tel.regionMatches(true, 0, "tel:", 0, 4) ? tel.substring(4) : tel;
    }

    /** The {@code mailto} without its optional {@code mailto:} prefix. */
    public String bareMailto() {
        return mailto != null && mailto.regionMatches(true, 0, "mailto:", 0, 7) ? mailto.substring(7) : mailto;
    }

    /** Fluent construction; unset fields stay absent. */
    public static final class Builder {
        private String tel;
        private String sip;
        private String stir;
        private String mailto;
        private String name;
        private String did;
        private String validation;
        private String gmlpos;
        private CivicAddress civicaddress;
        private String uuid;
        private String type;
        private String org;
        private String dept;
        private Extras extras = Extras.EMPTY;

        private Builder() {
        }

        public Builder tel(String v) { tel = v; return this; }
        public Builder sip(String v) { sip = v; return this; }
        public Builder stir(String v) { stir = v; return this; }
        public Builder mailto(String v) { mailto = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder did(String v) { did = v; return this; }
        public Builder validation(String v) { validation = v; return this; }
        public Builder gmlpos(String v) { gmlpos = v; return this; }
        public Builder civicaddress(CivicAddress v) { civicaddress = v; return this; }
        public Builder uuid(String v) { uuid = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder org(String v) { org = v; return this; }
        public Builder dept(String v) { dept = v; return this; }
        public Builder extras(Extras v) { extras = v; return this; }
        public Builder extra(String name, com.fasterxml.jackson.databind.JsonNode value) {
            extras = extras.with(name, value);
            return this;
        }

        public Party build() {
            return new Party(tel, sip, stir, mailto, name, did, validation, gmlpos, civicaddress, uuid, type, org,
                    dept, extras);
        }
    }
}
