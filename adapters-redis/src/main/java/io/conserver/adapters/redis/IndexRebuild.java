package io.conserver.adapters.redis;

import static io.conserver.adapters.redis.RedisCalls.done;

import io.conserver.domain.vcon.InvalidVconException;
import io.conserver.domain.vcon.Vcon;
import io.conserver.domain.vcon.VconCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code index rebuild}: SCANs {@code vcon:*} on every master in chunks, re-indexes what it finds, then
 * ZSCANs the creation index and forgets entries whose vCon is gone. Nothing here uses KEYS.
 */
final class IndexRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int CHUNK = 200;

    private final RedisCalls redis;
    private final RedisKeys keys;
    private final VconDocuments documents;
    private final RedisVconStore store;
    private final VconCodec codec = VconCodec.lenient();

    IndexRebuild(RedisCalls redis, RedisKeys keys, VconDocuments documents, RedisVconStore store) {
        this.redis = redis;
        this.keys = keys;
        this.documents = documents;
        this.store = store;
    }

    long run() {
        long indexed = 0;
        Iterator<String> found = RedisCalls.call(() -> redis.client().getKeys()
                .getKeys(KeysScanOptions.defaults().pattern(keys.vconPrefix() + "*").chunkSize(CHUNK)).iterator());
        List<String> chunk = new ArrayList<>();
        while (RedisCalls.call(found::hasNext)) {
            chunk.add(found.next());
            if (chunk.size() == CHUNK) {
                indexed += reindex(chunk);
                chunk.clear();
            }
        }
        indexed += reindex(chunk);
        forgetVanished();
        LOG.info("index rebuild: {} vCons indexed", indexed);
        return indexed;
    }

    private int reindex(List<String> vconKeys) {
        if (vconKeys.isEmpty()) {
            return 0;
        }
        RBatch read = redis.pipeline();
        List<RFuture<String>> bodies = new ArrayList<>();
        List<RFuture<Long>> ttls = new ArrayList<>();
        for (String key : vconKeys) {
            bodies.add(RedisCalls.eval(read, Mode.READ_ONLY, documents.readScript(), ReturnType.VALUE, List.of(key)));
            ttls.add(read.getBucket(key, StringCodec.INSTANCE).remainTimeToLiveAsync());
        }
        redis.execute(read);
        RBatch write = redis.pipeline();
        int indexed = 0;
        for (int i = 0; i < vconKeys.size(); i++) {
            String json = done(bodies.get(i));
            if (json == null) {
                continue;
            }
            try {
                Vcon vcon = codec.parse(json);
                if (!keys.vcon(vcon.uuid()).equals(vconKeys.get(i))) {
                    LOG.warn("index rebuild: {} holds the vCon {}; skipped", vconKeys.get(i), vcon.uuid());
                    continue;
                }
                store.reindexInto(write, vcon, done(ttls.get(i)));
                indexed++;
            } catch (InvalidVconException e) {
                LOG.warn("index rebuild: {} does not hold a readable vCon; skipped: {}", vconKeys.get(i), e.getMessage());
            }
        }
        redis.execute(write);
        return indexed;
    }

    private void forgetVanished() {
        Iterator<String> indexed = RedisCalls.call(() -> redis.client()
                .<String>getScoredSortedSet(keys.created(), StringCodec.INSTANCE).iterator(CHUNK));
        List<String> chunk = new ArrayList<>();
        while (RedisCalls.call(indexed::hasNext)) {
            chunk.add(indexed.next());
            if (chunk.size() == CHUNK || !indexed.hasNext()) {
                forgetGone(chunk);
                chunk.clear();
            }
        }
    }

    private void forgetGone(List<String> uuids) {
        RBatch check = redis.pipeline();
        List<RFuture<Boolean>> exists = uuids.stream()
                .map(uuid -> check.getBucket(keys.vcon(uuid), StringCodec.INSTANCE).isExistsAsync()).toList();
        redis.execute(check);
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i++) {
            if (!done(exists.get(i))) {
                gone.add(uuids.get(i));
            }
        }
        if (!gone.isEmpty()) {
            RBatch forget = redis.pipeline();
            store.forgetInto(forget, gone, true);
            redis.execute(forget);
        }
    }
}
