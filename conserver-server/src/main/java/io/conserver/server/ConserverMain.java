package io.conserver.server;

import io.conserver.server.cli.VconCommand;
import java.util.Arrays;

/**
 * The conserver jar's entry point: {@code conserver server conserver.yml} runs the server,
 * {@code conserver check conserver.yml} checks a configuration, and {@code conserver vcon ...} runs
 * the vCon command line.
 */
public final class ConserverMain {
    private ConserverMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "vcon".equals(args[0])) {
            System.exit(runVcon(args));
        }
        new ConserverApplication().run(args);
    }

    static int run(String[] args) {
        if (args.length > 0 && "vcon".equals(args[0])) {
            return runVcon(args);
        }
        System.err.println("usage: conserver server|check conserver.yml");
        System.err.println("       conserver vcon <validate|migrate|new|sign|verify|encrypt|decrypt> ...");
        return 2;
    }

    private static int runVcon(String[] args) {
        return VconCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
    }
}
