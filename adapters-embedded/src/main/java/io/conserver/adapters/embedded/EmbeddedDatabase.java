package io.conserver.adapters.embedded;

import io.conserver.domain.error.RetriableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file ({@value #FILE_NAME}) under a data directory that holds everything the embedded
 * adapters keep: vCons and their indexes, work lists, leases, dead letters, configuration and
 * processing history. Opening it creates the directory and the schema, or migrates an older schema.
 *
 * <p>The file is in WAL mode, so readers never wait for the writer. SQLite allows one writer at a
 * time: every write goes through one connection under one lock, and waits (up to the busy timeout)
 * for writers in other processes sharing the file. Reads use a small pool of their own connections.
 *
 * <p>Built once per process, shared by the {@code Sqlite*} adapters, and closed by whoever opened it,
 * after the adapters.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The database file's name inside the data directory. */
    public static final String FILE_NAME = "conserver.db";

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** The most writes one commit groups; bounds how long a group holds the file's write lock. */
    private static final int MAX_GROUP = 128;
    /** How long a waiting writer sleeps before it looks again, should no wake-up come. */
    private static final long WAIT_NANOS = 50_000_000L;

    /** How hard each commit pushes the data to the disk. */
    public enum Synchronous {
        /**
         * Commits reach the operating system before a write returns, and the WAL is synced at each
         * checkpoint. A committed write survives a crash or kill -9 of the process, because the OS
         * still holds the WAL pages; only an OS crash or power loss can lose the last commits (never
         * corrupt the file). The default: an order of magnitude faster than {@link #FULL}.
         */
        NORMAL,
        /** The WAL is synced on every commit: committed writes survive power loss too. */
        FULL
    }

    private final Path file;
    private final SqliteConnections writerConnections;
    private final SqliteConnections readerConnections;
    private final Jdbi writer;
    private final Jdbi reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingWrite<?>> pending = new ConcurrentLinkedQueue<>();
    private Handle writerHandle;
    /** Statements prepared on the write connection, by SQL; guarded by the write lock, dropped with the handle. */
    private final Map<String, PreparedStatement> writeStatements = new HashMap<>();

    private EmbeddedDatabase(Path file, Synchronous synchronous) {
        this.file = file;
        String url = "jdbc:sqlite:" + file;
        this.writerConnections = new SqliteConnections(url, config(synchronous, true), 1);
        this.readerConnections = new SqliteConnections(url, config(synchronous, false), READERS);
        this.writer = Jdbi.create(writerConnections);
        this.reader = Jdbi.create(readerConnections);
    }

    /** Opens (creating if needed) the database in {@code dataDirectory}, with {@link Synchronous#NORMAL}. */
    public static EmbeddedDatabase open(Path dataDirectory) {
        return open(dataDirectory, Synchronous.NORMAL);
    }

    /** Opens (creating if needed) the database in {@code dataDirectory}. */
    public static EmbeddedDatabase open(Path dataDirectory, Synchronous synchronous) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new RetriableException("cannot create the data directory " + dataDirectory
                    + " of the embedded store: " + e.getMessage(), e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory.resolve(FILE_NAME), synchronous);
        try {
            database.write(EmbeddedSchema::migrate);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Runs {@code work} in a read transaction, which sees one consistent state of the file. */
    <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return reader.inTransaction(work);
        } catch (JdbiException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code work} in a write transaction and returns once it is committed.
     *
     * <p>Writers that arrive while another commits are grouped: the next thread to get the write lock
     * runs every waiting write (up to {@value #MAX_GROUP}) in one transaction and commits once.
     * SQLite's cost is mostly per commit, so under concurrency this multiplies throughput; each caller
     * still returns only after its own write is committed, so an acknowledgement means the same as
     * before. A write that throws rolls the group back, and then each of its writes runs again in a
     * transaction of its own, so only the caller whose write failed sees the exception. A write may
     * therefore run twice: it must do nothing but its SQL, or only what is harmless to repeat.
     *
     * <p>The caller that gets the lock leads: it commits groups until its own write is done, waking
     * each caller whose write a commit holds, and then wakes the caller at the head of the queue to
     * lead the next group. The others wait without touching the lock. Queuing them all on the lock,
     * as before, woke them one after another only for each to find its write already done: a chain
     * of context switches that cost more than the SQL on a small machine.
     */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        PendingWrite<T> mine = new PendingWrite<>(work, Thread.currentThread());
        pending.add(mine);
        // A write, once queued, is seen through to its commit, as the lock's uninterruptible wait used
        // to: an interrupt is kept for the caller rather than making the wait below spin.
        boolean interrupted = false;
        while (!mine.done) {
            if (writeLock.tryLock()) {
                try {
                    while (!mine.done) {
                        commitGroup();
                    }
                } finally {
                    writeLock.unlock();
                }
                // Checked after the unlock: a caller that queued while the lock was held and found
                // it taken is at the head now, and must not wait for a leader that is gone.
                PendingWrite<?> next = pending.peek();
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                // Woken when a commit holds this write or when this caller is handed the lead; the
                // timeout is only a safety net.
                LockSupport.parkNanos(this, WAIT_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome();
    }

    private void commitGroup() {
        List<PendingWrite<?>> group = new ArrayList<>();
        for (PendingWrite<?> next = pending.poll(); next != null; next = group.size() < MAX_GROUP ? pending.poll() : null) {
            group.add(next);
        }
        if (group.size() == 1) {
            group.get(0).runAlone();
            return;
        }
        try {
            // Optimistic: the writes share one transaction with nothing between them. Should one throw,
            // the whole transaction is rolled back and each write runs again in its own, so only the
            // one that failed fails. A savepoint per write would cost two statements on every write to
            // save a rerun that a failing write (a bug or a full disk, not a routine event) rarely needs.
            writerHandle().useTransaction(h -> {
                for (PendingWrite<?> write : group) {
                    write.runInGroup(h);
                }
            });
        } catch (GroupAborted aborted) {
            group.forEach(PendingWrite::runAlone);
            return;
        } catch (RuntimeException | Error e) {
            discardWriterHandle();
            // The transaction as a whole failed (begin or commit): none of the group's writes
            // happened, and every caller in it is told so.
            RuntimeException failure = e instanceof JdbiException j ? failure(j)
                    : e instanceof RuntimeException r ? r : new IllegalStateException("the embedded store failed: " + e, e);
            group.forEach(write -> write.fail(failure));
            if (e instanceof Error error) {
                group.forEach(PendingWrite::finish);
                throw error;
            }
        }
        group.forEach(PendingWrite::finish);
    }

    /** Thrown through a group's transaction to roll it back when one of its writes failed. */
    private static final class GroupAborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GroupAborted() {
            super(null, null, false, false);
        }
    }

    /**
     * The one write connection's handle, kept open between transactions: opening a Jdbi handle per
     * transaction copied its whole configuration each time, a large share of a small write's cost.
     * Guarded by the write lock; reopened after a failure in case the connection is what failed.
     */
    private Handle writerHandle() {
        if (writerHandle == null || writerHandle.isClosed()) {
            writerHandle = writer.open();
        }
        return writerHandle;
    }

    /**
     * A statement on the write connection, prepared on first use and kept while the connection stays
     * open, for the writes every vCon makes: preparing the SQL each time cost about as much as running
     * it. Only for use with the handle a {@link #write} callback was given; the caller sets every
     * parameter before each execution.
     */
    PreparedStatement prepared(Handle h, String sql) throws SQLException {
        if (h != writerHandle) {
            throw new IllegalStateException("kept statements belong to the write connection, inside write()");
        }
        PreparedStatement statement = writeStatements.get(sql);
        if (statement == null) {
            statement = h.getConnection().prepareStatement(sql);
            writeStatements.put(sql, statement);
        }
        return statement;
    }

    /** What a failed Jdbi call, or a failed JDBC call on a kept statement, becomes. */
    RetriableException failure(Exception e) {
        return new RetriableException("the embedded store " + file + " failed: " + e.getMessage()
                + " (check the disk and that no other program holds a lock on the file)", e);
    }

    private void discardWriterHandle() {
        for (PreparedStatement statement : writeStatements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // Closing the connection below releases it anyway.
            }
        }
        writeStatements.clear();
        Handle h = writerHandle;
        writerHandle = null;
        if (h != null) {
            try {
                h.close();
            } catch (RuntimeException e) {
                // The handle is being dropped because something already failed; that failure is reported.
            }
        }
    }

    /**
     * One caller's write waiting for a group commit. Run and completed under the write lock; the
     * caller reads the outcome after it sees {@code done}, whose volatile write publishes it.
     */
    private final class PendingWrite<T> {
        private final HandleCallback<T, RuntimeException> work;
        private final Thread caller;
        private T value;
        private RuntimeException failure;
        private volatile boolean done;

        PendingWrite(HandleCallback<T, RuntimeException> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void runAlone() {
            try {
                value = writerHandle().inTransaction(work);
            } catch (JdbiException e) {
                discardWriterHandle();
                failure = failure(e);
            } catch (RetriableException e) {
                discardWriterHandle(); // perhaps a kept statement's connection failed: start afresh
                failure = e;
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                finish();
            }
        }

        void runInGroup(Handle h) {
            try {
                value = work.withHandle(h);
            } catch (RuntimeException e) {
                throw new GroupAborted();
            }
        }

        void fail(RuntimeException e) {
            failure = e;
            value = null;
        }

        void finish() {
            done = true;
            if (caller != Thread.currentThread()) {
                LockSupport.unpark(caller);
            }
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** Closes every connection. Adapters built on this database must be closed first. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            discardWriterHandle();
        } finally {
            writeLock.unlock();
        }
        try (SqliteConnections w = writerConnections; SqliteConnections r = readerConnections) {
            // Both pools close, in reverse order, even if one fails.
        } catch (SQLException e) {
            throw new RetriableException("closing the embedded store " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig config(Synchronous synchronous, boolean writer) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous == Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Nothing here reads generated keys, and the driver would otherwise match every INSERT's SQL
        // against a regex and run SELECT last_insert_rowid() after it: a second statement per row.
        config.setGetGeneratedKeys(false);
        // IMMEDIATE takes the file's write lock at BEGIN, so a transaction never fails halfway when
        // another process wrote meanwhile; it waits for the lock instead (busy timeout).
        config.setTransactionMode(writer ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
        return config;
    }
}
