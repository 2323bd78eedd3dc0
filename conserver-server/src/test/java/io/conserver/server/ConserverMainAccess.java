package io.conserver.server;

/** Lets tests in other packages call the entry point without {@code System.exit}. */
public final class ConserverMainAccess {
    private ConserverMainAccess() {
    }

    public static int run(String[] args) {
        return ConserverMain.run(args);
    }
}
