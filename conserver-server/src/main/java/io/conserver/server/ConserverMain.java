package io.conserver.server;

import io.conserver.server.cli.VconCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The conserver jar's entry point: {@code conserver vcon ...} runs the vCon command line. The server
 * commands join here when the server lands.
 */
public final class ConserverMain {
    private ConserverMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && "vcon".equals(args[0])) {
            return VconCommand.commandLine().execute(Arrays.copyOfRange(args, 1, args.length));
        }
        System.err.println("usage: conserver vcon <validate|migrate|new|sign|verify|encrypt|decrypt> ...");
        System.err.println("       conserver vcon --help");
        return args.length == 0 ? 2 : 2;
    }
}
