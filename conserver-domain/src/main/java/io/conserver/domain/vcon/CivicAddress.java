package io.conserver.domain.vcon;

/**
 * A party's civic address (PIDF-LO, RFC 5139 element names). Every element is optional.
 */
public record CivicAddress(String country, String a1, String a2, String a3, String a4, String a5, String a6,
                           String prd, String pod, String sts, String hno, String hns, String lmk, String loc,
                           String flr, String nam, String pc, Extras extras) {
    public CivicAddress {
        extras = extras == null ? Extras.EMPTY : extras;
    }

    /** The most common shape: country, region, city, street, house number and postal code. */
    public static CivicAddress of(String country, String a1, String a3, String sts, String hno, String pc) {
        return new CivicAddress(country, a1, null, a3, null, null, null, null, null, sts, hno, null, null, null,
                null, null, pc, Extras.EMPTY);
    }
}
