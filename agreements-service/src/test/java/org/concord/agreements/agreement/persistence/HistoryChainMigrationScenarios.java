package org.concord.agreements.agreement.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.concord.evidence.HashChain;
import org.concord.evidence.Json;
import org.concord.testsupport.db.MigratedDatabase;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration to the hash-chained history (V4 to V6, with {@link HistoryChainMigration} between) on a database
 * that holds history written before it: two agreements whose entries were written interleaved, a signature made
 * with a bearer token, a refused attempt. Each agreement's entries get chained in the order they were written.
 */
abstract class HistoryChainMigrationScenarios {

    private static final String GENESIS = HashChain.GENESIS;

    abstract TestDatabase database();

    @Test
    void entries_written_before_the_chain_are_chained_per_agreement_in_the_order_they_were_written() throws Exception {
        MigratedDatabase db = MigratedDatabase.at(database(), "history_chain", "3", "agreements",
                new HistoryChainMigration());

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (Connection connection = db.connect()) {
            agreement(connection, first);
            agreement(connection, second);
            history(connection, first, 1, "drafted", "{}", null);
            history(connection, second, 1, "drafted", "{}", "c8b4b7d0-9a4a-4bbd-8f8e-5e0d1c0b3e11");
            history(connection, first, 2, "opened", "{\"contentHash\":\"sha256:" + "1".repeat(64) + "\"}", null);
            history(connection, first, 3, "signature-recorded", "{\"partyCount\":2,\"signature\":{\"party\":\"CN-GX\","
                    + "\"signatory\":{\"name\":\"Li Wei\",\"title\":\"Director-General\",\"organisation\":\"Department"
                    + " of Commerce\"},\"signedAt\":\"2024-09-24T02:10:00Z\",\"contentHash\":\"sha256:" + "1".repeat(64)
                    + "\"},\"signatureCount\":1}", UUID.randomUUID().toString());
            history(connection, second, 1, "amended", "{\"fields\":[\"title\"]}", null);
            history(connection, first, 3, "signature-refused", "{\"party\":\"CN-SC\",\"signer\":\"signatory-CN-YN@test\","
                    + "\"actsFor\":\"CN-YN\"}", null);
            party(connection, first, "CN-GX", true);
            party(connection, first, "CN-SC", false);
        }

        db.migrateToLatest();

        try (Connection connection = db.connect()) {
            List<Map<String, Object>> firstChain = chain(connection, first);
            List<Map<String, Object>> secondChain = chain(connection, second);
            assertThat(firstChain).extracting(entry -> entry.get("type"))
                    .containsExactly("drafted", "opened", "signature-recorded", "signature-refused");
            assertThat(secondChain).extracting(entry -> entry.get("type")).containsExactly("drafted", "amended");
            assertLinked(firstChain, first);
            assertLinked(secondChain, second);
            @SuppressWarnings("unchecked")
            var signature = (Map<String, Object>) ((Map<String, Object>) firstChain.get(2).get("details")).get("signature");
            assertThat(signature.get("method")).as("a signature made before keys existed").isEqualTo("bearer-token");
            assertThat(string(connection, "SELECT details FROM agreement_history WHERE agreement_id = ? AND entry_seq = 3",
                    first)).contains("\"method\":\"bearer-token\"");
            assertThat(string(connection, "SELECT signature_method FROM agreement_party WHERE agreement_id = ? AND region = 'CN-GX'",
                    first)).isEqualTo("bearer-token");
            assertThat(string(connection, "SELECT signature_method FROM agreement_party WHERE agreement_id = ? AND region = 'CN-SC'",
                    first)).isNull();

            assertThatThrownBy(() -> history(connection, first, 3, "forged", "{}", null))
                    .as("an entry without its place in the chain").isInstanceOf(SQLException.class);
        }
    }

    private static void assertLinked(List<Map<String, Object>> chain, UUID agreement) {
        String previous = GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            Map<String, Object> entry = chain.get(i);
            assertThat(entry.get("agreementId")).isEqualTo(agreement.toString());
            assertThat(((Number) entry.get("seq")).longValue()).isEqualTo(i + 1);
            assertThat(entry.get("previousHash")).isEqualTo(previous);
            assertThat(HashChain.hashOf(entry)).as("entry %s hashes to its hash", i + 1).isEqualTo(entry.get("hash"));
            previous = (String) entry.get("hash");
        }
    }

    /** The agreement's entries as the evidence bundle holds them: as hashed, with their hash. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> chain(Connection connection, UUID agreement) throws SQLException {
        var entries = new ArrayList<Map<String, Object>>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT hashed, hash FROM agreement_history WHERE agreement_id = ? ORDER BY entry_seq")) {
            select.setObject(1, agreement);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    var entry = (Map<String, Object>) Json.parse(rows.getString("hashed"));
                    entry.put("hash", rows.getString("hash"));
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /** Flyway on the agreements-service migrations, up to {@code target}: a database as a release left it. */
    private static void agreement(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement (id, status, text_json, version,"
                + " created_at, updated_at) VALUES (?, 'OPEN', '{}', 3, ?, ?)")) {
            insert.setObject(1, id);
            insert.setTimestamp(2, Timestamp.from(Instant.parse("2024-09-17T02:00:00Z")));
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2024-09-24T02:10:00Z")));
            insert.executeUpdate();
        }
    }

    private static void party(Connection connection, UUID id, String region, boolean signed) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement_party (agreement_id,"
                + " party_order, region, acceded, signed_at) VALUES (?, ?, ?, FALSE, ?)")) {
            insert.setObject(1, id);
            insert.setInt(2, signed ? 0 : 1);
            insert.setString(3, region);
            insert.setTimestamp(4, signed ? Timestamp.from(Instant.parse("2024-09-24T02:10:00Z")) : null);
            insert.executeUpdate();
        }
    }

    private static void history(Connection connection, UUID id, long version, String type, String details,
            String eventId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement_history (agreement_id,"
                + " version, entry_type, occurred_at, event_id, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setLong(2, version);
            insert.setString(3, type);
            insert.setTimestamp(4, Timestamp.from(Instant.parse("2024-09-24T02:00:00Z").plusSeconds(version * 60)));
            insert.setString(5, eventId);
            insert.setString(6, details);
            insert.executeUpdate();
        }
    }

    private static String string(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
