package io.conserver.adapters.redis;

import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a vCon document is written to and read from its {@code vcon:<uuid>} key: as a JSON string
 * (SET/GET), or with RedisJSON (JSON.SET/JSON.GET) when the server has the module. Both take the
 * same JSON text from the one codec, and both read a plain string key, so vCons written by an
 * outside {@code SET} stay readable after the module is added.
 */
abstract class VconDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(VconDocuments.class);

    /** The probe: JSON.TYPE of a key that never exists fails only when the command is unknown. */
    static final String PROBE = "return pcall(redis.call, 'JSON.TYPE', KEYS[1]) and 1 or 0";

    /** Short name for logs and the store's description. */
    abstract String name();

    /** The Redis command (as arguments) that stores {@code json} under {@code key}. */
    abstract List<String> writeCommand(String key, String json);

    /** The Redis command (as arguments) that reads the document under {@code key}. */
    abstract List<String> readCommand(String key);

    /** Lua that stores ARGV[1] under KEYS[1] and clears any time to live. */
    abstract String writeScript();

    /** Lua that returns the JSON text under KEYS[1], or false when there is none. */
    abstract String readScript();

    static VconDocuments strings() {
        return new Strings();
    }

    static VconDocuments jsonModule() {
        return new JsonModule();
    }

    /** RedisJSON when the server answers JSON.TYPE, else strings. */
    static VconDocuments detect(RedissonClient client, String probeKey) {
        Long has = RedisCalls.call(() -> client.getScript(StringCodec.INSTANCE)
                .eval(probeKey, RScript.Mode.READ_ONLY, PROBE, RScript.ReturnType.INTEGER, List.of(probeKey)));
        VconDocuments documents = has != null && has == 1L ? jsonModule() : strings();
        LOG.info("vCons are stored as {}", documents.name());
        return documents;
    }

    /** Renders a command as one Lua call on KEYS[1] and ARGV. */
    static String lua(List<String> command, String key, String json) {
        StringBuilder lua = new StringBuilder("redis.call(");
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            lua.append(i == 0 ? "" : ", ")
                    .append(arg.equals(key) ? "KEYS[1]" : arg.equals(json) ? "ARGV[1]" : "'" + arg + "'");
        }
        return lua.append(')').toString();
    }

    private static final class Strings extends VconDocuments {
        @Override
        String name() {
            return "JSON strings";
        }

        @Override
        List<String> writeCommand(String key, String json) {
            return List.of("SET", key, json);
        }

        @Override
        List<String> readCommand(String key) {
            return List.of("GET", key);
        }

        @Override
        String writeScript() {
            // SET without KEEPTTL drops any time to live.
            return lua(writeCommand("k", "j"), "k", "j") + " return 1";
        }

        @Override
        String readScript() {
            return "return " + lua(readCommand("k"), "k", null);
        }
    }

    private static final class JsonModule extends VconDocuments {
        @Override
        String name() {
            return "RedisJSON documents";
        }

        @Override
        List<String> writeCommand(String key, String json) {
            return List.of("JSON.SET", key, "$", json);
        }

        @Override
        List<String> readCommand(String key) {
            return List.of("JSON.GET", key);
        }

        @Override
        String writeScript() {
            // A string left by an outside SET is replaced; JSON.SET keeps a TTL, so PERSIST drops it.
            return "if redis.call('TYPE', KEYS[1]).ok == 'string' then redis.call('DEL', KEYS[1]) end "
                    + lua(writeCommand("k", "j"), "k", "j") + " redis.call('PERSIST', KEYS[1]) return 1";
        }

        @Override
        String readScript() {
            return "local t = redis.call('TYPE', KEYS[1]).ok "
                    + "if t == 'none' then return false end "
                    + "if t == 'string' then return redis.call('GET', KEYS[1]) end "
                    + "return " + lua(readCommand("k"), "k", null);
        }
    }
}
