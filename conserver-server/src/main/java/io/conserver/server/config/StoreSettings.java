package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/** {@code store:} which working store holds vCons, lists and configuration. */
public final class StoreSettings {
    @NotBlank
    @Pattern(regexp = "embedded|redis", message = "must be embedded or redis")
    private String type = "embedded";

    @NotBlank
    private String dataDir = "data";

    private String url = "redis://127.0.0.1:6379";

    @JsonProperty("type")
    public String getType() {
        return type;
    }

    @JsonProperty("type")
    public void setType(String type) {
        this.type = type;
    }

    /** Where the embedded store keeps its database file. */
    @JsonProperty("data_dir")
    public String getDataDir() {
        return dataDir;
    }

    @JsonProperty("data_dir")
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    @JsonProperty("url")
    public String getUrl() {
        return url;
    }

    @JsonProperty("url")
    public void setUrl(String url) {
        this.url = url;
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    @ValidationMethod(message = "type redis is not available in this build yet; use type: embedded")
    public boolean isSupportedType() {
        return "embedded".equals(type);
    }
}
