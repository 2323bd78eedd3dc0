/**
 * The embedded working store: SQLite through Jdbi in one file, the default so that a newcomer needs no server.
 */
package io.conserver.adapters.embedded;
