package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code auth:} API tokens. With none configured the API listens on loopback only, because an open
 * API on a network interface is how conversation data leaks.
 */
public final class AuthSettings {
    @NotBlank
    private String header = "x-conserver-api-token";
    private List<String> tokens = new ArrayList<>();
    private String tokensFile;
    private Map<String, List<String>> externalIngress = new LinkedHashMap<>();

    /** The request header that carries a token. */
    @JsonProperty("header")
    public String getHeader() {
        return header;
    }

    @JsonProperty("header")
    public void setHeader(String header) {
        this.header = header;
    }

    @JsonProperty("tokens")
    public List<String> getTokens() {
        return tokens;
    }

    @JsonProperty("tokens")
    public void setTokens(List<String> tokens) {
        this.tokens = tokens == null ? new ArrayList<>() : tokens;
    }

    /** A file with one token per line, read at start (blank lines and {@code #} comments skipped). */
    @JsonProperty("tokens_file")
    public String getTokensFile() {
        return tokensFile;
    }

    @JsonProperty("tokens_file")
    public void setTokensFile(String tokensFile) {
        this.tokensFile = tokensFile;
    }

    /** Per ingress list, the tokens that may post to that list alone through external ingress. */
    @JsonProperty("external_ingress")
    public Map<String, List<String>> getExternalIngress() {
        return externalIngress;
    }

    @JsonProperty("external_ingress")
    public void setExternalIngress(Map<String, List<String>> externalIngress) {
        this.externalIngress = externalIngress == null ? new LinkedHashMap<>() : externalIngress;
    }
}
