package io.conserver.adapters.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conserver.domain.error.RetriableException;
import io.conserver.domain.port.out.VconStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path dataDirectory;

    @Test
    void opensOneFileInWalModeUnderANewDataDirectory() {
        Path nested = dataDirectory.resolve("a/b");
        try (EmbeddedDatabase db = EmbeddedDatabase.open(nested)) {
            assertThat(db.file()).isEqualTo(nested.resolve(EmbeddedDatabase.FILE_NAME)).exists();
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("10000");
        }
    }

    @Test
    void fullSynchronousCanBeChosen() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory, EmbeddedDatabase.Synchronous.FULL)) {
            assertThat(pragma(db, "synchronous")).isEqualTo("2");
            String writers = db.write(h -> h.createQuery("PRAGMA synchronous").mapTo(String.class).one());
            assertThat(writers).isEqualTo("2");
        }
    }

    @Test
    void reopeningKeepsTheSchemaAndAppliesNoMigrationTwice() {
        EmbeddedDatabase.open(dataDirectory).close();
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory)) {
            List<Integer> applied = db.read(h -> h.createQuery("SELECT version FROM schema_version")
                    .mapTo(Integer.class).list());
            assertThat(applied).containsExactly(1);
        }
    }

    @Test
    void aFileFromANewerConserverIsRefused() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory)) {
            db.write(h -> h.execute("INSERT INTO schema_version (version) VALUES (99)"));
        }
        assertThatThrownBy(() -> EmbeddedDatabase.open(dataDirectory)).hasMessageContaining("newer conserver");
    }

    @Test
    void failuresOfTheDatabaseBecomeRetriableExceptionsWithTheirCause() {
        EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory);
        VconStore store = new SqliteVconStore(db);
        db.close();
        assertThatThrownBy(() -> store.count()).isInstanceOf(RetriableException.class)
                .hasCauseInstanceOf(JdbiException.class).hasMessageContaining(db.file().toString());
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dataDirectory.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> EmbeddedDatabase.open(file.resolve("data"))).isInstanceOf(RetriableException.class)
                .hasMessageContaining("data directory");
    }

    private static String pragma(EmbeddedDatabase db, String name) {
        return db.read(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    void concurrentWritesAreGroupedYetAFailingOneRollsBackOnlyItself() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory)) {
            db.write(h -> h.execute("CREATE TABLE scratch (n INTEGER PRIMARY KEY)"));
            int writers = 48;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return db.write(h -> {
                        h.execute("INSERT INTO scratch (n) VALUES (?)", n);
                        if (n % 5 == 0) {
                            throw new IllegalArgumentException("writer " + n + " fails after its insert");
                        }
                        return n;
                    });
                }));
            }
            start.countDown();
            java.util.Set<Integer> failed = new java.util.TreeSet<>();
            for (int i = 0; i < writers; i++) {
                try {
                    assertThat(results.get(i).get()).isEqualTo(i);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("writer " + i + " fails after its insert");
                    failed.add(i);
                }
            }
            pool.shutdown();

            java.util.List<Integer> stored = db.read(h -> h.createQuery("SELECT n FROM scratch ORDER BY n")
                    .mapTo(Integer.class).list());
            java.util.List<Integer> expected = java.util.stream.IntStream.range(0, writers).filter(n -> n % 5 != 0).boxed().toList();
            assertThat(failed).containsExactlyElementsOf(java.util.stream.IntStream.range(0, writers).filter(n -> n % 5 == 0).boxed().toList());
            assertThat(stored).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void keptStatementsAreReusedAndAFailedOneLeavesTheNextWriteWorking() {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory)) {
            db.write(h -> h.execute("CREATE TABLE scratch (n INTEGER PRIMARY KEY)"));
            String insert = "INSERT INTO scratch (n) VALUES (?)";

            PreparedStatement first = db.write(h -> keptInsert(db, h, insert, 1));
            PreparedStatement second = db.write(h -> keptInsert(db, h, insert, 2));
            assertThat(second).isSameAs(first);
            assertThatThrownBy(() -> db.write(h -> keptInsert(db, h, insert, 2)))
                    .isInstanceOf(RetriableException.class).hasCauseInstanceOf(SQLException.class)
                    .hasMessageContaining(db.file().toString()).hasMessageContaining("UNIQUE");
            // The failure dropped the connection and its statements: the next write prepares afresh.
            PreparedStatement afresh = db.write(h -> keptInsert(db, h, insert, 3));
            assertThat(afresh).isNotSameAs(first);

            List<Integer> stored = db.read(h -> h.createQuery("SELECT n FROM scratch ORDER BY n").mapTo(Integer.class).list());
            assertThat(stored).containsExactly(1, 2, 3);
            assertThatThrownBy(() -> db.read(h -> keptInsert(db, h, insert, 4)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("write connection");
        }
    }

    private static PreparedStatement keptInsert(EmbeddedDatabase db, org.jdbi.v3.core.Handle h, String sql, int n) {
        try {
            PreparedStatement statement = db.prepared(h, sql);
            statement.setInt(1, n);
            statement.executeUpdate();
            return statement;
        } catch (SQLException e) {
            throw db.failure(e);
        }
    }

    @Test
    void aWriterWaitingBehindAnotherIsHandedItsCommitAndKeepsItsInterrupt() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.open(dataDirectory)) {
            db.write(h -> h.execute("CREATE TABLE scratch (n INTEGER PRIMARY KEY)"));
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Future<Integer> first = pool.submit(() -> db.write(h -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return h.execute("INSERT INTO scratch (n) VALUES (1)");
            }));
            holding.await();
            java.util.concurrent.Future<Boolean> second = pool.submit(() -> {
                Thread.currentThread().interrupt();
                db.write(h -> h.execute("INSERT INTO scratch (n) VALUES (2)"));
                return Thread.interrupted();
            });
            Thread.sleep(200); // the second writer is queued behind the first, which holds the lock
            assertThat(second.isDone()).isFalse();
            release.countDown();

            assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the interrupt is kept").isTrue();
            pool.shutdown();
            List<Integer> stored = db.read(h -> h.createQuery("SELECT n FROM scratch ORDER BY n").mapTo(Integer.class).list());
            assertThat(stored).containsExactly(1, 2);
        }
    }
}
