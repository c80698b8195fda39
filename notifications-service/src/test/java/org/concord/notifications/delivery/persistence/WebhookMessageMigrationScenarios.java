package org.concord.notifications.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.concord.testsupport.db.MigratedDatabase;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration to payloads stored once per event (V9) on a database whose deliveries each carry a copy of their
 * event's payload: each event keeps one message with that payload, every delivery stays and refers to it, and the
 * copies go.
 */
abstract class WebhookMessageMigrationScenarios {

    private static final OffsetDateTime EARLIER = OffsetDateTime.parse("2026-11-30T09:00:00Z");
    private static final OffsetDateTime LATER = OffsetDateTime.parse("2026-11-30T09:00:05Z");

    abstract TestDatabase database();

    @Test
    void each_event_keeps_its_payload_once_and_every_delivery_refers_to_it() throws Exception {
        MigratedDatabase db = MigratedDatabase.at(database(), "webhook_message", "8", "notifications");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID delivered = UUID.randomUUID();
        try (Connection connection = db.connect()) {
            subscription(connection, first);
            subscription(connection, second);
            delivery(connection, UUID.randomUUID(), first, "opened", "concord.agreement.opened", "{\"id\":\"opened\"}",
                    "PENDING", LATER);
            delivery(connection, delivered, second, "opened", "concord.agreement.opened", "{\"id\":\"opened\"}",
                    "DELIVERED", EARLIER);
            delivery(connection, UUID.randomUUID(), first, "signed", "concord.agreement.signed", "{\"id\":\"signed\"}",
                    "FAILED", LATER);
            update(connection, "INSERT INTO delivery_attempt (delivery_id, attempt, attempted_at, status_code,"
                    + " duration_ms) VALUES ('" + delivered + "', 1, TIMESTAMP WITH TIME ZONE '2026-11-30 09:00:01+00',"
                    + " 204, 12)");
        }

        db.migrateToLatest();

        try (Connection connection = db.connect()) {
            assertThat(rows(connection, "SELECT event_id, event_type, payload FROM webhook_message ORDER BY event_id"))
                    .containsExactly("opened concord.agreement.opened {\"id\":\"opened\"}",
                            "signed concord.agreement.signed {\"id\":\"signed\"}");
            assertThat(createdAt(connection, "opened")).as("queued when its first delivery was")
                    .isEqualTo(EARLIER.toInstant());
            assertThat(rows(connection, "SELECT d.status, m.payload FROM webhook_delivery d"
                    + " JOIN webhook_message m ON m.event_id = d.event_id ORDER BY d.status"))
                    .containsExactly("DELIVERED {\"id\":\"opened\"}", "FAILED {\"id\":\"signed\"}",
                            "PENDING {\"id\":\"opened\"}");
            assertThat(rows(connection, "SELECT status_code FROM delivery_attempt")).containsExactly("204");
            assertThatThrownBy(() -> connection.prepareStatement("SELECT payload FROM webhook_delivery").executeQuery())
                    .as("the copies are gone").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> delivery(connection, UUID.randomUUID(), second, "unknown",
                    "concord.agreement.opened", null, "PENDING", LATER))
                    .as("a delivery of an event without its message").isInstanceOf(SQLException.class);
        }
    }

    private static void subscription(Connection connection, UUID id) throws SQLException {
        update(connection, "INSERT INTO subscription (id, url, event_types, regions, status, version, created_at,"
                + " updated_at) VALUES ('" + id + "', 'https://hooks.example/" + id + "', '', '', 'ACTIVE', 0,"
                + " TIMESTAMP WITH TIME ZONE '2026-11-30 08:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-30 08:00:00+00')");
    }

    /** A delivery as written before V9 (with its payload), or after it when {@code payload} is null. */
    private static void delivery(Connection connection, UUID id, UUID subscription, String eventId, String eventType,
            String payload, String status, OffsetDateTime createdAt) throws SQLException {
        String columns = payload == null ? "" : ", payload";
        String values = payload == null ? "" : ", ?";
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id,"
                + " event_id, event_type, status, attempts, next_attempt_at, manual_retry, created_at" + columns + ")"
                + " VALUES ('" + id + "', '" + subscription + "', ?, ?, ?, 0, ?, FALSE, ?" + values + ")")) {
            insert.setString(1, eventId);
            insert.setString(2, eventType);
            insert.setString(3, status);
            insert.setObject(4, createdAt);
            insert.setObject(5, createdAt);
            if (payload != null) {
                insert.setString(6, payload);
            }
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static Instant createdAt(Connection connection, String eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT created_at FROM webhook_message WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    /** Each row's columns as text, separated by a space. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
