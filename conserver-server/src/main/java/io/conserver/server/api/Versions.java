package io.conserver.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, commit and time, written into {@code conserver-version.properties} by Maven. */
public final class Versions {
    private static final Properties BUILD = load();

    private Versions() {
    }

    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    public static String commit() {
        return BUILD.getProperty("commit", "unknown");
    }

    public static String buildTime() {
        return BUILD.getProperty("build_time", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/conserver-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // A build without the file still runs; the version reads "unknown".
        }
        return properties;
    }
}
