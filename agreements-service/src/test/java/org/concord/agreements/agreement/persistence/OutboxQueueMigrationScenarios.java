package org.concord.agreements.agreement.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.concord.testsupport.db.MigratedDatabase;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration to the outbox as a queue (V9) on a database whose relay marked rows published: the published rows
 * go, the waiting ones stay for the relay, the column and its index go, an event id is still unique.
 */
abstract class OutboxQueueMigrationScenarios {

    abstract TestDatabase database();

    @Test
    void rows_already_published_are_deleted_and_rows_waiting_for_the_broker_stay() throws Exception {
        MigratedDatabase db = MigratedDatabase.at(database(), "outbox_queue", "8", "agreements",
                new HistoryChainMigration());
        try (Connection connection = db.connect()) {
            insert(connection, "INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, occurred_at,"
                    + " payload, published_at) VALUES (?, 'agreements.v1', 'k', 'concord.agreement.drafted', 'k', ?, '{}', ?)",
                    "published", OffsetDateTime.parse("2026-11-30T09:00:00Z"), OffsetDateTime.parse("2026-11-30T09:00:01Z"));
            insert(connection, "INSERT INTO outbox_event (event_id, topic, message_key, event_type, subject, occurred_at,"
                    + " payload) VALUES (?, 'agreements.v1', 'k', 'concord.agreement.opened', 'k', ?, '{}')",
                    "waiting", OffsetDateTime.parse("2026-11-30T09:00:02Z"));
        }

        db.migrateToLatest();

        try (Connection connection = db.connect()) {
            assertThat(eventIds(connection)).containsExactly("waiting");
            assertThatThrownBy(() -> connection.prepareStatement("SELECT published_at FROM outbox_event").executeQuery())
                    .as("the column is gone").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> insert(connection, "INSERT INTO outbox_event (event_id, topic, message_key, event_type,"
                    + " subject, occurred_at, payload) VALUES (?, 'agreements.v1', 'k', 'concord.agreement.opened', 'k', ?,"
                    + " '{}')", "waiting", OffsetDateTime.parse("2026-11-30T09:00:03Z")))
                    .as("an event id is still unique").isInstanceOf(SQLException.class);
        }
    }

    private static void insert(Connection connection, String sql, String eventId, Object... times) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, eventId);
            for (int i = 0; i < times.length; i++) {
                insert.setObject(i + 2, times[i]);
            }
            insert.executeUpdate();
        }
    }

    private static List<String> eventIds(Connection connection) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT event_id FROM outbox_event ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
