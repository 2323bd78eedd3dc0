package io.conserver.bench.http;

import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * The HTTP benchmark's baseline: the least a Dropwizard server does for the conserver's two write
 * endpoints, so {@link HttpBenchmark} can give the conserver's rate as a ratio of the framework's.
 * <ul>
 *   <li>{@code POST /api/vcon} reads the body, parses it with Jackson into a {@link JsonNode} and
 *       answers 201 with the same bytes (the conserver answers the vCon it stored);
 *   <li>{@code POST /api/vcons} parses a JSON array and answers 200 with one small object per item
 *       ({@code index}, {@code uuid}, {@code status}), the shape of the conserver's bulk answer.
 * </ul>
 * With {@code BASELINE_STORE} set to a file name it is the <em>durable</em> baseline: each endpoint
 * also writes what it accepted to that SQLite file (WAL, synchronous NORMAL, the embedded store's
 * settings) before answering: one row per vCon, uuid and body, with the rows of concurrent requests
 * committed together, and no index, validation or model. It measures what a durable write costs on its own, so the conserver's
 * rate can be read against the least any server that keeps what it acknowledges can do.
 *
 * <p>Run as {@code java -cp benchmarks.jar io.conserver.bench.http.BaselineApplication server baseline.yml};
 * a file name that does not exist is looked up on the class path, where {@code baseline.yml} (request
 * log off, logging WARN, ports from {@code BASELINE_PORT} and {@code BASELINE_ADMIN_PORT}) lives.
 */
public final class BaselineApplication extends Application<Configuration> {

    public static void main(String[] args) throws Exception {
        new BaselineApplication().run(args);
    }

    @Override
    public String getName() {
        return "baseline";
    }

    @Override
    public void initialize(Bootstrap<Configuration> bootstrap) {
        ConfigurationSourceProvider fileOrClassPath = path -> {
            java.nio.file.Path file = java.nio.file.Path.of(path);
            if (Files.exists(file)) {
                return Files.newInputStream(file);
            }
            InputStream resource = BaselineApplication.class.getResourceAsStream(path);
            if (resource == null) {
                throw new FileNotFoundException(path + " is neither a file nor a resource next to "
                        + BaselineApplication.class.getName());
            }
            return resource;
        };
        bootstrap.setConfigurationSourceProvider(
                new SubstitutingSourceProvider(fileOrClassPath, new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().setUrlPattern("/api/*");
        String store = System.getenv("BASELINE_STORE");
        environment.jersey().register(new VconEndpoints(store == null || store.isBlank() ? null : new DurableRows(store)));
        environment.healthChecks().register("baseline", new HealthCheck() {
            @Override
            protected Result check() {
                return Result.healthy();
            }
        });
    }

    /** The two endpoints; no validation beyond the JSON parse, and no store unless {@code rows} is given. */
    @Path("/")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class VconEndpoints {
        private final ObjectMapper json = new ObjectMapper();
        private final DurableRows rows;

        VconEndpoints(DurableRows rows) {
            this.rows = rows;
        }

        @POST
        @Path("vcon")
        @Consumes(MediaType.WILDCARD)
        public Response create(InputStream body) throws IOException {
            byte[] bytes = body.readAllBytes();
            JsonNode vcon = json.readTree(bytes);
            if (!vcon.isObject()) {
                return Response.status(400).build();
            }
            if (rows != null) {
                rows.insert(List.of(vcon.path("uuid").asText()), List.of(bytes));
            }
            return Response.status(201).entity(bytes).build();
        }

        @POST
        @Path("vcons")
        @Consumes(MediaType.WILDCARD)
        public Response bulk(InputStream body) throws IOException {
            JsonNode root = json.readTree(body.readAllBytes());
            if (!(root instanceof ArrayNode array)) {
                return Response.status(400).build();
            }
            if (rows != null) {
                List<String> ids = new ArrayList<>(array.size());
                List<byte[]> bodies = new ArrayList<>(array.size());
                for (JsonNode item : array) {
                    ids.add(item.path("uuid").asText());
                    bodies.add(json.writeValueAsBytes(item));
                }
                rows.insert(ids, bodies);
            }
            ObjectNode answer = json.createObjectNode();
            answer.put("accepted", array.size()).put("refused", 0);
            ArrayNode items = answer.putArray("items");
            for (int i = 0; i < array.size(); i++) {
                items.addObject().put("index", i).put("uuid", array.get(i).path("uuid").asText(null))
                        .put("status", 201).putArray("problems");
            }
            return Response.ok(json.writeValueAsBytes(answer)).build();
        }
    }

    /**
     * The durable baseline's table, written the cheapest durable way: requests queue their rows, one
     * writer thread takes every row waiting, inserts them in one transaction and commits, and each
     * request answers only after the commit holding its rows (group commit, as the conserver does).
     * No index, validation or model: this is the floor of a durable write, not a rival store.
     */
    static final class DurableRows {
        private record Pending(List<String> ids, List<byte[]> bodies, CompletableFuture<Void> committed) {
        }

        private final Connection connection;
        private final PreparedStatement insert;
        private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

        DurableRows(String file) {
            try {
                SQLiteConfig config = new SQLiteConfig();
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                config.setGetGeneratedKeys(false);
                connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE IF NOT EXISTS vcons (uuid TEXT PRIMARY KEY, body BLOB NOT NULL)");
                }
                insert = connection.prepareStatement("INSERT OR REPLACE INTO vcons (uuid, body) VALUES (?, ?)");
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the durable baseline's SQLite file " + file, e);
            }
            Thread writer = new Thread(this::commitGroups, "durable-baseline-writer");
            writer.setDaemon(true);
            writer.start();
        }

        /** Returns once the rows are committed. */
        void insert(List<String> ids, List<byte[]> bodies) {
            Pending rows = new Pending(ids, bodies, new CompletableFuture<>());
            queue.add(rows);
            rows.committed().join();
        }

        private void commitGroups() {
            List<Pending> group = new ArrayList<>();
            while (true) {
                group.clear();
                try {
                    group.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(group);
                try {
                    for (Pending rows : group) {
                        for (int i = 0; i < rows.ids().size(); i++) {
                            insert.setString(1, rows.ids().get(i));
                            insert.setBytes(2, rows.bodies().get(i));
                            insert.executeUpdate();
                        }
                    }
                    connection.commit();
                    group.forEach(rows -> rows.committed().complete(null));
                } catch (SQLException e) {
                    try {
                        connection.rollback();
                    } catch (SQLException ignored) {
                        // the insert's failure is the one reported
                    }
                    group.forEach(rows -> rows.committed().completeExceptionally(e));
                }
            }
        }
    }
}
