package io.conserver.server.admin;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics in Prometheus text format (version 0.0.4) on the admin port at {@code /prometheus}.
 * Labels written into names as {@code base[k=v,...]} (see {@link MetricNames}) become real labels;
 * timers become summaries in seconds; map-valued gauges (queue depths) become one series per key.
 */
public final class PrometheusServlet extends HttpServlet {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final double NANOS_PER_SECOND = 1e9;

    private final transient MetricRegistry metrics;

    public PrometheusServlet(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        PrintWriter out = response.getWriter();
        out.print(render(metrics));
    }

    /** The whole registry in text format. */
    public static String render(MetricRegistry metrics) {
        StringBuilder out = new StringBuilder(8192);
        Set<String> typed = new TreeSet<>();
        metrics.getCounters().forEach((name, c) -> sample(out, typed, name, "_total", "counter", "", c.getCount()));
        metrics.getMeters().forEach((name, m) -> sample(out, typed, name, "_total", "counter", "", m.getCount()));
        metrics.getGauges().forEach((name, g) -> gauge(out, typed, name, g));
        metrics.getHistograms().forEach((name, h) -> summary(out, typed, name, h.getSnapshot(), h.getCount(), 1));
        metrics.getTimers().forEach((name, t) -> summary(out, typed, name, t.getSnapshot(), t.getCount(), NANOS_PER_SECOND));
        return out.toString();
    }

    private static void gauge(StringBuilder out, Set<String> typed, String name, Gauge<?> gauge) {
        Object value;
        try {
            value = gauge.getValue();
        } catch (RuntimeException e) {
            return;
        }
        if (value instanceof Number number) {
            sample(out, typed, name, "", "gauge", "", number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() instanceof Number number) {
                    sample(out, typed, name, "", "gauge", "key=\"" + escape(String.valueOf(entry.getKey())) + "\"",
                            number.doubleValue());
                }
            }
        } else if (value instanceof Boolean b) {
            sample(out, typed, name, "", "gauge", "", b ? 1 : 0);
        }
    }

    private static void summary(StringBuilder out, Set<String> typed, String name, Snapshot s, long count, double scale) {
        sample(out, typed, name, "", "summary", "quantile=\"0.5\"", s.getMedian() / scale);
        sample(out, typed, name, "", "summary", "quantile=\"0.95\"", s.get95thPercentile() / scale);
        sample(out, typed, name, "", "summary", "quantile=\"0.99\"", s.get99thPercentile() / scale);
        sample(out, typed, name, "_count", "summary", "", count);
        sample(out, typed, name, "_sum", "summary", "", s.getMean() * count / scale);
    }

    private static void sample(StringBuilder out, Set<String> typed, String name, String suffix, String type,
                               String extraLabel, double value) {
        int bracket = name.indexOf('[');
        String base = sanitize(bracket < 0 ? name : name.substring(0, bracket));
        if (typed.add(base)) {
            out.append("# TYPE ").append(base).append(type.equals("counter") ? "_total" : "").append(' ').append(type).append('\n');
        }
        StringBuilder labels = new StringBuilder();
        if (bracket >= 0 && name.endsWith("]")) {
            for (String pair : name.substring(bracket + 1, name.length() - 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    append(labels, sanitize(pair.substring(0, eq)) + "=\"" + escape(pair.substring(eq + 1)) + "\"");
                }
            }
        }
        if (!extraLabel.isEmpty()) {
            append(labels, extraLabel);
        }
        out.append(base).append(suffix);
        if (labels.length() > 0) {
            out.append('{').append(labels).append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    private static void append(StringBuilder labels, String label) {
        if (labels.length() > 0) {
            labels.append(',');
        }
        labels.append(label);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String sanitize(String name) {
        String s = name.replaceAll("[^a-zA-Z0-9_:]", "_");
        return Character.isDigit(s.charAt(0)) ? "_" + s : s;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
