package io.conserver.adapters.embedded;

import io.conserver.domain.port.out.PartySearch;
import io.conserver.domain.port.out.VconListQuery;
import io.conserver.domain.vcon.Party;
import io.conserver.domain.vcon.Vcon;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The secondary indexes of {@link SqliteVconStore}: party fields and creation time. */
final class VconIndexes {

    private static final String REMOVE_PARTIES = "DELETE FROM vcon_parties WHERE uuid = ?";
    private static final String INSERT_PARTY = "INSERT OR IGNORE INTO vcon_parties (field, value, uuid) VALUES (?, ?, ?)";

    private VconIndexes() {
    }

    /** Through statements kept on the write connection: this runs for every vCon stored. */
    static void replaceParties(EmbeddedDatabase db, Handle h, Vcon vcon) throws SQLException {
        PreparedStatement remove = db.prepared(h, REMOVE_PARTIES);
        remove.setString(1, vcon.uuid());
        remove.executeUpdate();
        PreparedStatement insert = null;
        for (Party party : vcon.parties()) {
            for (Map.Entry<String, String> term : PartySearch.indexTerms(party).entrySet()) {
                insert = insert == null ? db.prepared(h, INSERT_PARTY) : insert;
                insert.setString(1, term.getKey());
                insert.setString(2, term.getValue());
                insert.setString(3, vcon.uuid());
                insert.executeUpdate();
            }
        }
    }

    static void removeParties(Handle h, String uuid) {
        h.execute(REMOVE_PARTIES, uuid);
    }

    /** Each term narrows the result to the vCons that have some party with that exact value. */
    static List<String> search(Handle h, PartySearch search, long now) {
        Map<String, String> terms = search.terms();
        StringBuilder sql = new StringBuilder("SELECT uuid FROM vcons WHERE " + SqliteVconStore.LIVE);
        terms.keySet().forEach(field -> sql.append(" AND uuid IN (SELECT uuid FROM vcon_parties WHERE field = '")
                .append(field).append("' AND value = :").append(field).append(')'));
        Query query = h.createQuery(sql.toString()).bind("now", now);
        terms.forEach(query::bind);
        return query.mapTo(String.class).list();
    }

    static List<String> list(Handle h, VconListQuery q, long now) {
        return h.createQuery("SELECT uuid FROM vcons WHERE " + SqliteVconStore.LIVE
                        + " AND created_at >= :since AND created_at < :until"
                        + " ORDER BY created_at DESC, uuid DESC LIMIT :limit OFFSET :offset")
                .bind("now", now).bind("since", millis(q.since(), Long.MIN_VALUE))
                .bind("until", millis(q.until(), Long.MAX_VALUE))
                .bind("limit", q.limit()).bind("offset", q.offset()).mapTo(String.class).list();
    }

    /** Epoch milliseconds, saturated: bounds beyond what a long holds mean no bound. */
    private static long millis(Optional<Instant> bound, long none) {
        try {
            return bound.map(Instant::toEpochMilli).orElse(none);
        } catch (ArithmeticException beyondRange) {
            return bound.get().isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
