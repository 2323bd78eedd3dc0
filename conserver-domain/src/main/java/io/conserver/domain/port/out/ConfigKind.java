package io.conserver.domain.port.out;

/** The kinds of configuration entry the {@link ConfigStore} keeps, with the key prefix of each. */
public enum ConfigKind {
    CHAIN("chains:"),
    LINK("link:"),
    STORAGE("storage:"),
    SOURCE("source:");

    private final String keyPrefix;

    ConfigKind(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    /** The store key of the entry named {@code name}, e.g. {@code chains:main}. */
    public String key(String name) {
        return keyPrefix + name;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
