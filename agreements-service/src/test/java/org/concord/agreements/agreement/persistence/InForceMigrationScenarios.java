package org.concord.agreements.agreement.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.concord.testsupport.db.MigratedDatabase;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The migration to agreements in force (V7) on a database that holds agreements concluded before: a SIGNED one is due
 * at once (its entry into force, on the day it was concluded, is the schedule's to record and publish); the others
 * are due for nothing; every one reads with the default provisions and its text as version 1.
 */
abstract class InForceMigrationScenarios {

    abstract TestDatabase database();

    @Test
    void an_agreement_concluded_before_entry_into_force_existed_is_due_to_enter_into_force_on_its_conclusion_day()
            throws Exception {
        MigratedDatabase db = MigratedDatabase.at(database(), "in_force", "6", "agreements",
                new HistoryChainMigration());
        UUID signed = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        try (Connection connection = db.connect()) {
            agreement(connection, signed, "SIGNED", Instant.parse("2024-09-24T09:30:00Z"));
            agreement(connection, open, "OPEN", null);
        }

        db.migrateToLatest();

        try (Connection connection = db.connect()) {
            assertThat(date(connection, "next_due_on", signed)).isEqualTo(LocalDate.parse("2024-09-24"));
            assertThat(date(connection, "next_due_on", open)).isNull();
            assertThat(number(connection, "text_version", signed)).isEqualTo(1);
            assertThat(date(connection, "in_force_since", signed)).isNull();
        }
    }

    private static void agreement(Connection connection, UUID id, String status, Instant concludedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agreement (id, status, text_json, version,"
                + " created_at, updated_at, concluded_at) VALUES (?, ?, '{}', 14, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, status);
            insert.setTimestamp(3, Timestamp.from(Instant.parse("2024-09-17T02:00:00Z")));
            insert.setTimestamp(4, Timestamp.from(Instant.parse("2024-09-24T09:30:00Z")));
            insert.setTimestamp(5, concludedAt == null ? null : Timestamp.from(concludedAt));
            insert.executeUpdate();
        }
    }

    private static LocalDate date(Connection connection, String column, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM agreement WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, LocalDate.class);
            }
        }
    }

    private static int number(Connection connection, String column, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM agreement WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
