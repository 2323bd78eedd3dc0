package io.conserver.server.admin;

/**
 * Metric names with labels: {@code base[k1=v1,k2=v2]}. Dropwizard metrics have flat names; this
 * one convention lets the JSON view stay readable and the Prometheus view emit real labels.
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** {@code base} with label pairs given as {@code key, value, key, value, ...}. */
    public static String tagged(String base, String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in key, value pairs");
        }
        StringBuilder name = new StringBuilder(base).append('[');
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                name.append(',');
            }
            name.append(pairs[i]).append('=').append(pairs[i + 1].replace(",", "_").replace("]", "_"));
        }
        return name.append(']').toString();
    }
}
