package io.conserver.domain.port.out;

/** A registered listener; closing it stops further calls. Closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
