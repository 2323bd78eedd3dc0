package io.conserver.adapters.redis;

import java.time.Duration;
import java.util.Locale;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.ChannelName;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.command.CommandAsyncExecutor;

/**
 * {@code BLMOVE source destination LEFT RIGHT timeout} with a timeout to the millisecond. Redisson's
 * own blocking calls round timeouts to whole seconds (and a wait under one second to "block
 * forever"), so the command is sent through its executor directly. The executor reads the last
 * argument's {@code toString()} as whole seconds to stretch its response timeout; the argument
 * object therefore prints the rounded-up seconds while it writes the exact value to Redis.
 */
final class BlockingMove {
    private final CommandAsyncExecutor executor;

    BlockingMove(RedissonClient client) {
        this.executor = ((Redisson) client).getCommandExecutor();
    }

    /** Moves the head of {@code source} to the tail of {@code destination}, waiting up to {@code wait}. */
    RFuture<String> move(String source, String destination, Duration wait) {
        return executor.writeAsync(source, StringCodec.INSTANCE, RedisCommands.BLMOVE,
                source, destination, "LEFT", "RIGHT", new Timeout(wait));
    }

    /** Writes the exact seconds; prints whole seconds, rounded up, for Redisson's timeout bookkeeping. */
    static final class Timeout extends ChannelName {
        private final String wholeSeconds;

        Timeout(Duration wait) {
            super(String.format(Locale.ROOT, "%.3f", wait.toMillis() / 1000.0));
            this.wholeSeconds = Long.toString((wait.toMillis() + 999) / 1000);
        }

        @Override
        public String toString() {
            return wholeSeconds;
        }
    }
}
