package io.conserver.adapters.redis;

/**
 * The Lua of {@link RedisConfigStore}. KEYS[1] is the version, KEYS[2] the sorted set of entry keys by
 * position (the stored order), KEYS[3] the position counter. On a cluster every configuration key
 * shares the hash tag {@code {config}}, so entry keys built from ARGV land on the same slot. Each change
 * bumps the version and PUBLISHes it on the change channel, inside the same script.
 */
final class ConfigScripts {
    private ConfigScripts() {
    }

    /** KEYS[4] the entry key; ARGV[1] its entry name (e.g. chains:main), ARGV[2] the JSON, ARGV[3] the channel. */
    static final String PUT = """
            redis.call('SET', KEYS[4], ARGV[2])
            if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
            end
            local version = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', ARGV[3], version)
            return version
            """;

    /** KEYS[4] the entry key; ARGV[1] its entry name, ARGV[2] the channel. */
    static final String REMOVE = """
            if redis.call('DEL', KEYS[4]) == 0 then
              return tonumber(redis.call('GET', KEYS[1]) or '0')
            end
            redis.call('ZREM', KEYS[2], ARGV[1])
            local version = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', ARGV[2], version)
            return version
            """;

    /** ARGV[1] the key prefix of entries, ARGV[2] the channel, then pairs of entry name and JSON. */
    static final String REPLACE_ALL = """
            for _, name in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do redis.call('DEL', ARGV[1] .. name) end
            redis.call('DEL', KEYS[2])
            for i = 3, #ARGV, 2 do
              redis.call('SET', ARGV[1] .. ARGV[i], ARGV[i + 1])
              redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[i])
            end
            local version = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', ARGV[2], version)
            return version
            """;

    /** ARGV[1] the key prefix of entries. Returns {version, name1, json1, name2, json2, ...} in stored order. */
    static final String SNAPSHOT = """
            local out = {redis.call('GET', KEYS[1]) or '0'}
            for _, name in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
              local doc = redis.call('GET', ARGV[1] .. name)
              if doc then
                out[#out + 1] = name
                out[#out + 1] = doc
              end
            end
            return out
            """;
}
