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

    @Pattern(regexp = "single|cluster", message = "must be single or cluster")
    private String mode = "single";

    private java.util.List<String> nodes = new java.util.ArrayList<>();

    private String keyPrefix = "";

    private String password;

    @jakarta.validation.constraints.Min(1)
    private int connectionPoolSize = 64;

    @Pattern(regexp = "auto|string|json_module", message = "must be auto, string or json_module")
    private String documents = "auto";

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

    /** Redis: {@code single} (url) or {@code cluster} (nodes). */
    @JsonProperty("mode")
    public String getMode() {
        return mode;
    }

    @JsonProperty("mode")
    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Redis Cluster: seed nodes such as {@code redis://10.0.0.1:7000}. */
    @JsonProperty("nodes")
    public java.util.List<String> getNodes() {
        return nodes;
    }

    @JsonProperty("nodes")
    public void setNodes(java.util.List<String> nodes) {
        this.nodes = nodes == null ? new java.util.ArrayList<>() : nodes;
    }

    /** Redis: a prefix for every key, so several conservers can share one Redis apart. */
    @JsonProperty("key_prefix")
    public String getKeyPrefix() {
        return keyPrefix;
    }

    @JsonProperty("key_prefix")
    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /** Redis: the password (AUTH), best given as {@code ${REDIS_PASSWORD}}. */
    @JsonProperty("password")
    public String getPassword() {
        return password;
    }

    @JsonProperty("password")
    public void setPassword(String password) {
        this.password = password;
    }

    /** Redis: connections per node; room for every waiting worker plus ordinary calls. */
    @JsonProperty("connection_pool_size")
    public int getConnectionPoolSize() {
        return connectionPoolSize;
    }

    @JsonProperty("connection_pool_size")
    public void setConnectionPoolSize(int connectionPoolSize) {
        this.connectionPoolSize = connectionPoolSize;
    }

    /** Redis: how vCons are kept: {@code auto} (RedisJSON when the server has it), {@code string}, {@code json_module}. */
    @JsonProperty("documents")
    public String getDocuments() {
        return documents;
    }

    @JsonProperty("documents")
    public void setDocuments(String documents) {
        this.documents = documents;
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    @ValidationMethod(message = "a Redis Cluster (mode: cluster) needs nodes, such as [redis://127.0.0.1:7000]")
    public boolean isClusterGivenNodes() {
        return !"redis".equals(type) || !"cluster".equals(mode) || !nodes.isEmpty();
    }
}
