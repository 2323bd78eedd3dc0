package io.conserver.adapters.redis;

import static io.conserver.adapters.redis.RedisCalls.done;

import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.port.out.VconStore;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * The {@link VconStore} on Redis: each vCon under {@code vcon:<uuid>} (a JSON string or a RedisJSON
 * document), indexes under the hash tag {@code {vcons}}. A put or delete is one batch of two scripts
 * (document, indexes): MULTI/EXEC on one server, a pipeline on a cluster. A time to live is Redis's
 * own; the indexes learn of expiries from a sorted set of deadlines, purged before each read of them.
 */
public final class RedisVconStore implements VconStore {
    private static final int PURGE_BATCH = 1000;

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final VconDocuments documents;
    private final Clock clock;
    private final VconCodec codec = VconCodec.lenient();

    RedisVconStore(RedisCalls redis, RedisKeys keys, VconDocuments documents, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Optional<Vcon> get(String uuid) {
        String key = keys.vcon(uuid);
        String json = redis.eval(Mode.READ_ONLY, documents.readScript(), ReturnType.VALUE, List.of(key));
        return Optional.ofNullable(json).map(codec::parse);
    }

    @Override
    public Map<String, Vcon> getAll(Collection<String> uuids) {
        List<String> asked = uuids.stream().distinct().toList();
        Map<String, Vcon> found = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        RBatch batch = redis.pipeline();
        List<RFuture<String>> reads = asked.stream().map(uuid -> RedisCalls.<String>eval(batch, Mode.READ_ONLY,
                documents.readScript(), ReturnType.VALUE, List.of(keys.vcon(uuid)))).toList();
        redis.execute(batch);
        for (int i = 0; i < asked.size(); i++) {
            String json = done(reads.get(i));
            if (json != null) {
                found.put(asked.get(i), codec.parse(json));
            }
        }
        return found;
    }

    @Override
    public void put(Vcon vcon) {
        RBatch batch = redis.batch();
        putInto(batch, vcon);
        redis.execute(batch);
    }

    /** Adds the document write and the index update of {@code vcon} to a batch (for ingest, too). */
    void putInto(RBatch batch, Vcon vcon) {
        String json = codec.writeString(vcon);
        RedisCalls.eval(batch, Mode.READ_WRITE, documents.writeScript(), ReturnType.INTEGER,
                List.of(keys.vcon(vcon.uuid())), json);
        List<String> indexKeys = new ArrayList<>(List.of(keys.created(), keys.expiring(), keys.indexEntries()));
        indexKeys.addAll(partyKeys(vcon));
        String created = vcon.createdAt() == null ? "-inf"
                : Long.toString(vcon.createdAt().toInstant().toEpochMilli());
        RedisCalls.eval(batch, Mode.READ_WRITE, IndexScripts.PUT, ReturnType.INTEGER, indexKeys, vcon.uuid(), created);
    }

    @Override
    public boolean delete(String uuid) {
        RBatch batch = redis.batch();
        RFuture<Long> deleted = batch.getKeys().deleteAsync(keys.vcon(uuid));
        forgetInto(batch, List.of(uuid), false);
        redis.execute(batch);
        return done(deleted) > 0;
    }

    @Override
    public boolean exists(String uuid) {
        return RedisCalls.call(() -> redis.client().getBucket(keys.vcon(uuid), StringCodec.INSTANCE).isExists());
    }

    @Override
    public boolean expire(String uuid, Duration ttl) {
        boolean persist = ttl.isZero();
        Long done = redis.eval(Mode.READ_WRITE, IndexScripts.EXPIRE, ReturnType.INTEGER, List.of(keys.vcon(uuid)),
                persist ? "persist" : "expire", Long.toString(Math.max(1, ttl.toMillis())));
        if (done == 0) {
            return false;
        }
        RedisCalls.call(() -> {
            var expiring = redis.client().getScoredSortedSet(keys.expiring(), StringCodec.INSTANCE);
            return persist ? expiring.remove(uuid) : expiring.add(clock.millis() + ttl.toMillis(), uuid);
        });
        return true;
    }

    @Override
    public Optional<Duration> ttl(String uuid) {
        long left = RedisCalls.call(() -> redis.client().getBucket(keys.vcon(uuid), StringCodec.INSTANCE).remainTimeToLive());
        return left < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(left));
    }

    @Override
    public List<String> list(VconListQuery query) {
        purgeExpired();
        String max = query.until().map(at -> "(" + millis(at)).orElse("+inf");
        String min = query.since().map(at -> Long.toString(millis(at))).orElse("(-inf");
        List<String> uuids = redis.eval(Mode.READ_ONLY, IndexScripts.NEWEST_FIRST, ReturnType.MULTI,
                List.of(keys.created()), max, min, Integer.toString(query.offset()), Integer.toString(query.limit()));
        return live(uuids);
    }

    @Override
    public List<String> search(PartySearch search) {
        purgeExpired();
        List<String> terms = new ArrayList<>();
        search.terms().forEach((field, value) -> terms.add(keys.party(field, value)));
        RBatch batch = redis.pipeline();
        List<RFuture<Set<String>>> members = terms.stream()
                .map(key -> batch.<String>getSet(key, StringCodec.INSTANCE).readAllAsync()).toList();
        redis.execute(batch);
        Set<String> found = new LinkedHashSet<>(done(members.get(0)));
        members.subList(1, members.size()).forEach(m -> found.retainAll(done(m)));
        return live(new ArrayList<>(found));
    }

    @Override
    public long count() {
        purgeExpired();
        return RedisCalls.call(() -> (long) redis.client().getScoredSortedSet(keys.created(), StringCodec.INSTANCE).size());
    }

    /**
     * Rebuilds the indexes from the documents: walks {@code vcon:*} with SCAN (never KEYS) on every
     * node, re-indexes each vCon found, then drops index entries whose vCon is gone. Returns how many
     * vCons were indexed. Safe to run while the store is in use.
     */
    public long rebuildIndexes() {
        return new IndexRebuild(redis, keys, documents, this).run();
    }

    /** Adds the index update of a vCon read back during a rebuild; keeps its TTL known to the index. */
    void reindexInto(RBatch batch, Vcon vcon, long ttlMillis) {
        List<String> indexKeys = new ArrayList<>(List.of(keys.created(), keys.expiring(), keys.indexEntries()));
        indexKeys.addAll(partyKeys(vcon));
        String created = vcon.createdAt() == null ? "-inf"
                : Long.toString(vcon.createdAt().toInstant().toEpochMilli());
        RedisCalls.eval(batch, Mode.READ_WRITE, IndexScripts.PUT, ReturnType.INTEGER, indexKeys, vcon.uuid(), created);
        if (ttlMillis > 0) {
            batch.getScoredSortedSet(keys.expiring(), StringCodec.INSTANCE).addAsync(clock.millis() + ttlMillis, vcon.uuid());
        }
    }

    void forgetInto(RBatch batch, List<String> uuids, boolean onlyIfGone) {
        List<Object> argv = new ArrayList<>();
        argv.add(onlyIfGone && !redis.cluster() ? keys.vconPrefix() : "");
        argv.addAll(uuids);
        RedisCalls.eval(batch, Mode.READ_WRITE, IndexScripts.FORGET, ReturnType.INTEGER,
                List.of(keys.created(), keys.expiring(), keys.indexEntries()), argv.toArray());
    }

    /**
     * Drops the index entries of vCons whose TTL ran out: the due deadlines, checked against the keys
     * themselves (PTTL), since a deadline is only this process's estimate of Redis's expiry.
     */
    void purgeExpired() {
        List<String> due = new ArrayList<>(redis.<List<String>>eval(Mode.READ_ONLY,
                "return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])", ReturnType.MULTI,
                List.of(keys.expiring()), Long.toString(clock.millis()), Integer.toString(PURGE_BATCH)));
        if (due.isEmpty()) {
            return;
        }
        RBatch check = redis.pipeline();
        List<RFuture<Long>> ttls = due.stream()
                .map(uuid -> check.getBucket(keys.vcon(uuid), StringCodec.INSTANCE).remainTimeToLiveAsync()).toList();
        redis.execute(check);
        List<String> gone = new ArrayList<>();
        List<String> persisted = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            long ttl = done(ttls.get(i));
            if (ttl == -2) {
                gone.add(due.get(i));
            } else if (ttl == -1) {
                persisted.add(due.get(i));
            }
        }
        RBatch fix = redis.pipeline();
        if (!gone.isEmpty()) {
            forgetInto(fix, gone, true);
        }
        if (!persisted.isEmpty()) {
            fix.getScoredSortedSet(keys.expiring(), StringCodec.INSTANCE).removeAllAsync(persisted);
        }
        redis.execute(fix);
    }

    /** The uuids whose vCon key exists, in order: index entries can briefly outlive their vCon. */
    private List<String> live(List<String> uuids) {
        if (uuids.isEmpty()) {
            return uuids;
        }
        RBatch batch = redis.pipeline();
        List<RFuture<Boolean>> exists = uuids.stream()
                .map(uuid -> batch.getBucket(keys.vcon(uuid), StringCodec.INSTANCE).isExistsAsync()).toList();
        redis.execute(batch);
        List<String> live = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i++) {
            if (done(exists.get(i))) {
                live.add(uuids.get(i));
            }
        }
        return live;
    }

    private List<String> partyKeys(Vcon vcon) {
        Set<String> partyKeys = new LinkedHashSet<>();
        for (Party party : vcon.parties()) {
            PartySearch.indexTerms(party).forEach((field, value) -> partyKeys.add(keys.party(field, value)));
        }
        return new ArrayList<>(partyKeys);
    }

    private static long millis(Instant at) {
        try {
            return at.toEpochMilli();
        } catch (ArithmeticException beyondRange) {
            return at.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
