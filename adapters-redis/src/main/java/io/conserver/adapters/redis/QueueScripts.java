package io.conserver.adapters.redis;

/**
 * The Lua of {@link RedisWorkQueue}. Each script touches one list and its bookkeeping, which all carry
 * the list's key as hash tag, so each runs on one cluster slot. Times come from the server's TIME, so
 * every instance agrees on when a lease runs out. Keys: 1 the list, 2 the leases (token by deadline),
 * 3 the leased items (token to "seq:id"), 4 the waiters (token by deadline), 5 the take counter.
 */
final class QueueScripts {
    private QueueScripts() {
    }

    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;

    private static final String LEASE = """
            local seq = redis.call('INCR', KEYS[5])
            local deadline = now + tonumber(ARGV[2])
            redis.call('ZADD', KEYS[2], deadline, ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[1], seq .. ':' .. id)
            return {id, tostring(deadline)}
            """;

    /**
     * Leases the head under token ARGV[1] for ARGV[2] ms. On an empty list, when ARGV[3] > 0, records the
     * token as a waiter until now + ARGV[3] ms: the caller is about to BLMOVE into its pending list, and
     * a reaper returns what a dead waiter left there.
     */
    static final String TAKE = NOW + """
            local id = redis.call('LPOP', KEYS[1])
            if id then
            """ + LEASE + """
            end
            if tonumber(ARGV[3]) > 0 then redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[1]) end
            return false
            """;

    /** After a BLMOVE into KEYS[6] (the token's pending list): leases what arrived, and drops the waiter. */
    static final String CLAIM = NOW + """
            redis.call('ZREM', KEYS[4], ARGV[1])
            local id = redis.call('LPOP', KEYS[6])
            if not id then return false end
            """ + LEASE;

    /**
     * Acts on a live lease (token ARGV[1] holding id ARGV[2]): 'ack' ends it, 'release' puts the id back at
     * the head, 'renew' moves its deadline to now + ARGV[4] ms. Returns 0 for an expired or unknown lease.
     */
    static final String SETTLE = NOW + """
            local deadline = redis.call('ZSCORE', KEYS[2], ARGV[1])
            if not deadline or tonumber(deadline) <= now then return 0 end
            local item = redis.call('HGET', KEYS[3], ARGV[1])
            if not item or string.sub(item, string.find(item, ':', 1, true) + 1) ~= ARGV[2] then return 0 end
            if ARGV[3] == 'renew' then
              redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[1])
              return 1
            end
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            if ARGV[3] == 'release' then redis.call('LPUSH', KEYS[1], ARGV[2]) end
            return 1
            """;

    /**
     * Puts the items of expired leases back at the head, in the order they were taken, ahead of what a
     * dead waiter left in its pending list (ARGV[1] is the pending-list key prefix). Returns how many.
     */
    static final String REQUEUE = NOW + """
            local n = 0
            for _, token in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)) do
              redis.call('ZREM', KEYS[4], token)
              local id = redis.call('RPOP', ARGV[1] .. token)
              while id do
                redis.call('LPUSH', KEYS[1], id)
                n = n + 1
                id = redis.call('RPOP', ARGV[1] .. token)
              end
            end
            local taken = {}
            for _, token in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
              local item = redis.call('HGET', KEYS[3], token)
              redis.call('ZREM', KEYS[2], token)
              redis.call('HDEL', KEYS[3], token)
              if item then
                local sep = string.find(item, ':', 1, true)
                taken[#taken + 1] = {tonumber(string.sub(item, 1, sep - 1)), string.sub(item, sep + 1)}
              end
            end
            table.sort(taken, function(a, b) return a[1] < b[1] end)
            for i = #taken, 1, -1 do
              redis.call('LPUSH', KEYS[1], taken[i][2])
              n = n + 1
            end
            return n
            """;

    /** LPOP KEYS[1] ARGV[1], as a list (empty when the list is). */
    static final String POP = "return redis.call('LPOP', KEYS[1], ARGV[1]) or {}";

    /**
     * Moves up to ARGV[1] ids from the head of KEYS[1] to the tail of KEYS[2] (same node only). The
     * caller keeps ARGV[1] small (see {@link RedisWorkQueue#MOVE_CHUNK}): Lua's unpack takes at most a
     * few thousand values.
     */
    static final String MOVE = """
            local ids = redis.call('LPOP', KEYS[1], ARGV[1])
            if not ids then return 0 end
            redis.call('RPUSH', KEYS[2], unpack(ids))
            return #ids
            """;

    /**
     * The first step of a move across slots: takes up to ARGV[2] ids from the head of KEYS[1] into the
     * staging list KEYS[6] (the pending list of waiter ARGV[1], in the source's slot) and records ARGV[1]
     * as a waiter until now + ARGV[3] ms, then returns the ids. If the mover dies before it has pushed
     * them to the destination and dropped the staging list, the reaper puts them back at the head of
     * KEYS[1] (as it does for a dead taker), so a move is at least once, never lossy.
     */
    static final String STAGE_MOVE = NOW + """
            local ids = redis.call('LPOP', KEYS[1], ARGV[2])
            if not ids then return {} end
            redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[1])
            redis.call('RPUSH', KEYS[6], unpack(ids))
            return ids
            """;

    /** The last step of a move across slots: drops waiter ARGV[1] from KEYS[1] and its staging list KEYS[2]. */
    static final String UNSTAGE_MOVE = """
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            return 1
            """;
}
