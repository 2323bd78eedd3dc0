package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code api:} limits and validation of what the REST API accepts. */
public final class ApiSettings {
    @NotNull
    @MinDataSize(1024)
    @MaxDataSize(value = 2, unit = io.dropwizard.util.DataSizeUnit.GIBIBYTES)
    private DataSize maxVconSize = DataSize.mebibytes(16);

    @NotNull
    @MinDataSize(1024)
    private DataSize maxBodySize = DataSize.mebibytes(64);

    @Min(1)
    @Max(1_000_000)
    private int maxListLimit = 10_000;

    @NotNull
    @Pattern(regexp = "strict|lenient", message = "must be strict or lenient")
    private String validation = "lenient";

    private String trustAnchors;
    private String decryptionKey;

    /**
     * A PEM file of CA certificates. When set, signed (JWS) vCons are accepted if their x5c chain
     * ends at one of them; when unset, signed vCons are refused.
     */
    @JsonProperty("trust_anchors")
    public String getTrustAnchors() {
        return trustAnchors;
    }

    @JsonProperty("trust_anchors")
    public void setTrustAnchors(String trustAnchors) {
        this.trustAnchors = trustAnchors;
    }

    /** A PEM file with the private key that opens encrypted (JWE) vCons; unset, they are refused. */
    @JsonProperty("decryption_key")
    public String getDecryptionKey() {
        return decryptionKey;
    }

    @JsonProperty("decryption_key")
    public void setDecryptionKey(String decryptionKey) {
        this.decryptionKey = decryptionKey;
    }

    /** The largest single vCon accepted (one POST, or one item of a bulk request). */
    @JsonProperty("max_vcon_size")
    public DataSize getMaxVconSize() {
        return maxVconSize;
    }

    @JsonProperty("max_vcon_size")
    public void setMaxVconSize(DataSize maxVconSize) {
        this.maxVconSize = maxVconSize;
    }

    /** The largest request body other than a single vCon: bulk requests, id lists, configuration. */
    @JsonProperty("max_body_size")
    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    @JsonProperty("max_body_size")
    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** The most ids one list request may name or return. */
    @JsonProperty("max_list_limit")
    public int getMaxListLimit() {
        return maxListLimit;
    }

    @JsonProperty("max_list_limit")
    public void setMaxListLimit(int maxListLimit) {
        this.maxListLimit = maxListLimit;
    }

    /** {@code lenient} accepts warnings; {@code strict} refuses vCons with any problem. */
    @JsonProperty("validation")
    public String getValidation() {
        return validation;
    }

    @JsonProperty("validation")
    public void setValidation(String validation) {
        this.validation = validation;
    }
}
