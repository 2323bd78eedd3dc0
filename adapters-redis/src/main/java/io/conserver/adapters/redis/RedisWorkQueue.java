package io.conserver.adapters.redis;

import static io.conserver.adapters.redis.RedisCalls.done;

import io.conserver.domain.port.out.DeadLetterLists;
import io.conserver.domain.port.out.Lease;
import io.conserver.domain.port.out.WorkQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * The {@link WorkQueue} on Redis. A list is a plain Redis list of ids under its own name (outside
 * producers may RPUSH onto it). Taking is one script (LPOP plus a lease in a sorted set of deadlines);
 * on an empty list the taker blocks in BLMOVE into a pending list of its own, then claims what arrived
 * with a second script. Every key of a list shares its hash tag, so all of this is cluster-safe.
 */
public final class RedisWorkQueue implements WorkQueue {
    /** One BLMOVE blocks at most this long, so connections go back to the pool now and then. */
    static final Duration MAX_BLOCK = Duration.ofSeconds(5);
    /** How long after its BLMOVE should have ended a waiter's pending list is presumed abandoned. */
    static final Duration WAITER_GRACE = Duration.ofSeconds(30);
    /** The most ids one move round trip carries (Lua's unpack takes a few thousand at most). */
    static final int MOVE_CHUNK = 1000;

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final BlockingMove blocking;
    private final RedisDeadLetters deadLetters;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    RedisWorkQueue(RedisCalls redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.blocking = new BlockingMove(redis.client());
        this.deadLetters = new RedisDeadLetters(redis, keys);
    }

    @Override
    public void push(String list, String id) {
        pushAll(list, List.of(id));
    }

    @Override
    public void pushAll(String list, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        RBatch batch = redis.batch();
        pushInto(batch, list, ids);
        redis.execute(batch);
    }

    /** Adds the push to a batch (for ingest, too). */
    void pushInto(RBatch batch, String list, List<String> ids) {
        batch.getList(keys.list(list), StringCodec.INSTANCE).addAllAsync(ids);
        if (registered.add(list)) {
            batch.getSet(keys.listRegistry(), StringCodec.INSTANCE).addAsync(list);
        }
    }

    @Override
    public Optional<Lease> take(String list, Duration lease, Duration wait) throws InterruptedException {
        register(list);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Duration block = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            block = block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block;
            boolean willBlock = block.toMillis() >= 1;
            String token = UUID.randomUUID().toString();
            long waiterMillis = willBlock ? block.plus(WAITER_GRACE).toMillis() : 0;
            List<Object> taken = redis.eval(Mode.READ_WRITE, QueueScripts.TAKE, ReturnType.MULTI, listKeys(list),
                    token, Long.toString(lease.toMillis()), Long.toString(waiterMillis));
            if (taken != null && !taken.isEmpty()) {
                return Optional.of(lease(list, token, taken));
            }
            if (!willBlock) {
                return Optional.empty();
            }
            String pending = keys.pendingPrefix(list) + token;
            // On interrupt or failure the waiter entry stays: the reaper returns whatever lands in pending.
            RedisCalls.await(blocking.move(keys.list(list), pending, block));
            List<String> claimKeys = new ArrayList<>(listKeys(list));
            claimKeys.add(pending);
            List<Object> claimed = redis.eval(Mode.READ_WRITE, QueueScripts.CLAIM, ReturnType.MULTI, claimKeys,
                    token, Long.toString(lease.toMillis()));
            if (claimed != null && !claimed.isEmpty()) {
                return Optional.of(lease(list, token, claimed));
            }
            if (deadline - System.nanoTime() <= 0) {
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean ack(Lease lease) {
        return settle(lease, "ack", Duration.ZERO);
    }

    @Override
    public boolean release(Lease lease) {
        return settle(lease, "release", Duration.ZERO);
    }

    @Override
    public boolean renew(Lease lease, Duration extension) {
        return settle(lease, "renew", extension);
    }

    @Override
    public int requeueExpired() {
        Set<String> lists = RedisCalls.call(() -> redis.client().<String>getSet(keys.listRegistry(), StringCodec.INSTANCE)
                .readAll());
        if (lists.isEmpty()) {
            return 0;
        }
        RBatch batch = redis.pipeline();
        List<RFuture<Long>> counts = lists.stream().map(list -> RedisCalls.<Long>eval(batch, Mode.READ_WRITE,
                QueueScripts.REQUEUE, ReturnType.INTEGER, listKeys(list), keys.pendingPrefix(list))).toList();
        redis.execute(batch);
        return counts.stream().mapToInt(count -> done(count).intValue()).sum();
    }

    @Override
    public long length(String list) {
        return RedisCalls.call(() -> (long) redis.client().getList(keys.list(list), StringCodec.INSTANCE).size());
    }

    @Override
    public long inFlight(String list) {
        return RedisCalls.call(() -> (long) redis.client().getScoredSortedSet(keys.leases(list), StringCodec.INSTANCE)
                .size());
    }

    @Override
    public List<String> peek(String list, int start, int count) {
        if (count < 1) {
            return List.of();
        }
        return RedisCalls.call(() -> redis.client().<String>getList(keys.list(list), StringCodec.INSTANCE)
                .range(start, start + count - 1));
    }

    @Override
    public List<String> pop(String list, int count) {
        if (count < 1) {
            return List.of();
        }
        return redis.eval(Mode.READ_WRITE, QueueScripts.POP, ReturnType.MULTI, List.of(keys.list(list)),
                Integer.toString(count));
    }

    /**
     * Moves up to {@code count} ids from the head of {@code from} to the tail of {@code to}, at most
     * {@link #MOVE_CHUNK} per round trip. On one server each chunk is one script (atomic). On a cluster
     * the lists usually sit on different nodes, so each chunk is staged first: a script moves the ids
     * into a staging list in the source's slot and records it like a waiter's pending list; then the ids
     * are pushed onto {@code to}; then the staging list is dropped. A mover that dies in between leaves
     * the staging list to the reaper, which puts the ids back at the head of {@code from}: at least once.
     */
    @Override
    public int move(String from, String to, int count) {
        if (count < 1) {
            return 0;
        }
        register(from);
        register(to);
        int moved = 0;
        while (moved < count) {
            int chunk = Math.min(MOVE_CHUNK, count - moved);
            int n = redis.cluster() ? stagedMove(from, to, chunk) : atomicMove(from, to, chunk);
            moved += n;
            if (n < chunk) {
                break;
            }
        }
        return moved;
    }

    private int atomicMove(String from, String to, int count) {
        Long moved = redis.eval(Mode.READ_WRITE, QueueScripts.MOVE, ReturnType.INTEGER,
                List.of(keys.list(from), keys.list(to)), Integer.toString(count));
        return moved.intValue();
    }

    private int stagedMove(String from, String to, int count) {
        Staged staged = stage(from, count, WAITER_GRACE);
        if (staged.ids().isEmpty()) {
            return 0;
        }
        pushAll(to, staged.ids());
        redis.eval(Mode.READ_WRITE, QueueScripts.UNSTAGE_MOVE, ReturnType.INTEGER,
                List.of(keys.waiters(from), staged.key()), staged.token());
        return staged.ids().size();
    }

    /**
     * The first step of a staged move: up to {@code count} ids leave the head of {@code from} for a
     * staging list that the reaper returns to {@code from} once {@code grace} has passed.
     */
    Staged stage(String from, int count, Duration grace) {
        String token = "move:" + UUID.randomUUID();
        String staging = keys.pendingPrefix(from) + token;
        List<String> stageKeys = new ArrayList<>(listKeys(from));
        stageKeys.add(staging);
        List<Object> ids = redis.eval(Mode.READ_WRITE, QueueScripts.STAGE_MOVE, ReturnType.MULTI, stageKeys,
                token, Integer.toString(count), Long.toString(grace.toMillis()));
        return new Staged(token, staging, ids == null ? List.of() : ids.stream().map(String.class::cast).toList());
    }

    /** Ids staged for a move under a waiter token, in the staging list {@code key}. */
    record Staged(String token, String key, List<String> ids) {
    }

    @Override
    public Map<String, Long> lists() {
        Set<String> lists = RedisCalls.call(() -> redis.client().<String>getSet(keys.listRegistry(), StringCodec.INSTANCE)
                .readAll());
        RBatch batch = redis.pipeline();
        Map<String, RFuture<Integer>> waiting = new TreeMap<>();
        Map<String, RFuture<Integer>> leased = new TreeMap<>();
        for (String list : lists) {
            waiting.put(list, batch.getList(keys.list(list), StringCodec.INSTANCE).sizeAsync());
            leased.put(list, batch.getScoredSortedSet(keys.leases(list), StringCodec.INSTANCE).sizeAsync());
        }
        redis.execute(batch);
        Map<String, Long> depths = new TreeMap<>();
        waiting.forEach((list, depth) -> {
            if (done(depth) > 0 || done(leased.get(list)) > 0) {
                depths.put(list, (long) done(depth));
            }
        });
        return depths;
    }

    @Override
    public DeadLetterLists deadLetterStore() {
        return deadLetters;
    }

    private boolean settle(Lease lease, String action, Duration extension) {
        Long done = redis.eval(Mode.READ_WRITE, QueueScripts.SETTLE, ReturnType.INTEGER, listKeys(lease.list()),
                lease.token(), lease.id(), action, Long.toString(extension.toMillis()));
        return done == 1L;
    }

    /** Lists taken from are registered too, so lists fed only by outside producers are reaped and listed. */
    private void register(String list) {
        if (registered.add(list)) {
            RedisCalls.call(() -> redis.client().getSet(keys.listRegistry(), StringCodec.INSTANCE).add(list));
        }
    }

    private List<String> listKeys(String list) {
        return List.of(keys.list(list), keys.leases(list), keys.leaseItems(list), keys.waiters(list),
                keys.takeSeq(list));
    }

    private static Lease lease(String list, String token, List<Object> taken) {
        return new Lease(list, (String) taken.get(0), token,
                Instant.ofEpochMilli(Long.parseLong((String) taken.get(1))));
    }
}
