package io.conserver.adapters.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.ConnectionFactory;
import org.sqlite.SQLiteConfig;

/**
 * A small fixed pool of connections to one SQLite file. SQLite connections are cheap to keep and
 * costly to open (each applies its pragmas), and a file wants few of them, so the pool never grows
 * past {@code size}; a caller beyond that waits for a connection to come back.
 */
final class SqliteConnections implements ConnectionFactory, AutoCloseable {
    private final String url;
    private final SQLiteConfig config;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final List<Connection> opened = new ArrayList<>();
    private boolean closed;

    SqliteConnections(String url, SQLiteConfig config, int size) {
        this.url = url;
        this.config = config;
        this.permits = new Semaphore(size, true);
    }

    @Override
    public Connection openConnection() throws SQLException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to " + url, e);
        }
        Connection connection = idle.poll();
        try {
            return connection != null ? connection : newConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        try {
            if (!connection.isClosed()) {
                idle.add(connection);
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        SQLException first = null;
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        opened.clear();
        idle.clear();
        closed = true;
        if (first != null) {
            throw first;
        }
    }

    private synchronized Connection newConnection() throws SQLException {
        if (closed) {
            throw new SQLException("the connections to " + url + " are closed");
        }
        Connection connection = config.createConnection(url);
        opened.add(connection);
        return connection;
    }
}
