package io.conserver.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.Configuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The conserver's YAML file: Dropwizard's server settings, the store, auth, API limits, engine
 * settings, and the plugin sections ({@code links}, {@code storages}, {@code chains},
 * {@code sources}). The plugin sections are kept as JSON here and checked by the chain engine's
 * compiler, which knows every plugin's options record and reports every problem with its path.
 */
public final class ConserverConfiguration extends Configuration {
    @Valid
    @NotNull
    private StoreSettings store = new StoreSettings();
    @Valid
    @NotNull
    private AuthSettings auth = new AuthSettings();
    @Valid
    @NotNull
    private ApiSettings api = new ApiSettings();
    @Valid
    @NotNull
    private EngineSettingsFactory engine = new EngineSettingsFactory();
    private ObjectNode links = JsonNodeFactory.instance.objectNode();
    private ObjectNode storages = JsonNodeFactory.instance.objectNode();
    private ObjectNode chains = JsonNodeFactory.instance.objectNode();
    private ObjectNode sources = JsonNodeFactory.instance.objectNode();

    @JsonProperty("store")
    public StoreSettings getStore() {
        return store;
    }

    @JsonProperty("store")
    public void setStore(StoreSettings store) {
        this.store = store;
    }

    @JsonProperty("auth")
    public AuthSettings getAuth() {
        return auth;
    }

    @JsonProperty("auth")
    public void setAuth(AuthSettings auth) {
        this.auth = auth;
    }

    @JsonProperty("api")
    public ApiSettings getApi() {
        return api;
    }

    @JsonProperty("api")
    public void setApi(ApiSettings api) {
        this.api = api;
    }

    @JsonProperty("engine")
    public EngineSettingsFactory getEngine() {
        return engine;
    }

    @JsonProperty("engine")
    public void setEngine(EngineSettingsFactory engine) {
        this.engine = engine;
    }

    @JsonProperty("links")
    public ObjectNode getLinks() {
        return links;
    }

    @JsonProperty("links")
    public void setLinks(ObjectNode links) {
        this.links = orEmpty(links);
    }

    @JsonProperty("storages")
    public ObjectNode getStorages() {
        return storages;
    }

    @JsonProperty("storages")
    public void setStorages(ObjectNode storages) {
        this.storages = orEmpty(storages);
    }

    @JsonProperty("chains")
    public ObjectNode getChains() {
        return chains;
    }

    @JsonProperty("chains")
    public void setChains(ObjectNode chains) {
        this.chains = orEmpty(chains);
    }

    @JsonProperty("sources")
    public ObjectNode getSources() {
        return sources;
    }

    @JsonProperty("sources")
    public void setSources(ObjectNode sources) {
        this.sources = orEmpty(sources);
    }

    /** The four plugin sections as one document, the shape the {@code ConfigStore} is loaded from. */
    public ObjectNode pluginSections() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("links", links);
        root.set("storages", storages);
        root.set("chains", chains);
        root.set("sources", sources);
        return root;
    }

    private static ObjectNode orEmpty(ObjectNode node) {
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }
}
