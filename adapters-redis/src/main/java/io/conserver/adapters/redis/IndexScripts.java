package io.conserver.adapters.redis;

/**
 * The Lua that keeps the vCon indexes. Every index key carries the hash tag {@code {vcons}}, so each
 * script runs on one slot: KEYS[1] is the creation-time sorted set, KEYS[2] the expiry sorted set,
 * KEYS[3] the hash that records, per uuid, the party-index keys it was added to (so a replace or a
 * delete can remove exactly those).
 */
final class IndexScripts {
    private IndexScripts() {
    }

    /** ARGV[1] uuid, ARGV[2] creation score (epoch ms, or -inf); KEYS[4..] the party-index keys. */
    static final String PUT = """
            local uuid = ARGV[1]
            local old = redis.call('HGET', KEYS[3], uuid)
            if old then
              for _, key in ipairs(cjson.decode(old)) do redis.call('SREM', key, uuid) end
            end
            redis.call('ZADD', KEYS[1], ARGV[2], uuid)
            redis.call('ZREM', KEYS[2], uuid)
            local record = {}
            for i = 4, #KEYS do
              redis.call('SADD', KEYS[i], uuid)
              record[#record + 1] = KEYS[i]
            end
            if #record > 0 then
              redis.call('HSET', KEYS[3], uuid, cjson.encode(record))
            else
              redis.call('HDEL', KEYS[3], uuid)
            end
            return 1
            """;

    /**
     * Removes the index entries of ARGV[2..] uuids. When ARGV[1] is not empty (one server only) it is
     * the vCon key prefix, and a uuid whose vCon exists again is left alone.
     */
    static final String FORGET = """
            local n = 0
            for i = 2, #ARGV do
              local uuid = ARGV[i]
              if ARGV[1] == '' or redis.call('EXISTS', ARGV[1] .. uuid) == 0 then
                local old = redis.call('HGET', KEYS[3], uuid)
                if old then
                  for _, key in ipairs(cjson.decode(old)) do redis.call('SREM', key, uuid) end
                  redis.call('HDEL', KEYS[3], uuid)
                end
                redis.call('ZREM', KEYS[1], uuid)
                redis.call('ZREM', KEYS[2], uuid)
                n = n + 1
              end
            end
            return n
            """;

    /** ZREVRANGEBYSCORE KEYS[1] ARGV[1] ARGV[2] LIMIT ARGV[3] ARGV[4], bounds in Redis syntax. */
    static final String NEWEST_FIRST =
            "return redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[2], 'LIMIT', ARGV[3], ARGV[4])";

    /** Sets (ARGV[1] = 'expire', ARGV[2] ms) or clears (ARGV[1] = 'persist') the TTL of KEYS[1] if it exists. */
    static final String EXPIRE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if ARGV[1] == 'persist' then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 1
            """;
}
