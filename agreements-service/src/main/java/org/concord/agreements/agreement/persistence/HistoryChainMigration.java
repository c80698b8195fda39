package org.concord.agreements.agreement.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.evidence.HashChain;
import org.concord.evidence.HistoryHead;
import org.concord.evidence.Json;
import org.concord.evidence.SignatureMethod;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 5 of agreements-service (between V4__evidence.sql and V6__history_chain_constraints.sql): chains the
 * history entries written before the history was a hash chain, per agreement in the order they were written (their
 * row id), exactly as {@link AgreementRepository#appendHistory} links a new one. A signature recorded then was made
 * with a bearer token alone; its entry now says so ({@code method: bearer-token}), as the evidence format requires
 * of every signature. Run by Flyway in its transaction, before the service starts (a Spring bean, which Boot hands
 * to Flyway).
 */
@Component
public class HistoryChainMigration implements JavaMigration {

    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "chain the history entries written before the hash chain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, agreement_id, version, entry_type, "
                + "occurred_at, event_id, details FROM agreement_history ORDER BY agreement_id, seq");
             PreparedStatement update = connection.prepareStatement("UPDATE agreement_history SET entry_seq = ?, "
                     + "previous_hash = ?, hash = ?, hashed = ?, details = ? WHERE seq = ?");
             ResultSet rows = select.executeQuery()) {
            UUID agreement = null;
            HistoryHead head = null;
            int pending = 0;
            while (rows.next()) {
                UUID agreementId = rows.getObject("agreement_id", UUID.class);
                if (!agreementId.equals(agreement)) {
                    agreement = agreementId;
                    head = new HistoryHead(HashChain.GENESIS, 0);
                }
                String details = markedBearerToken(rows.getString("details"));
                HistoryEntry entry = HistoryEntry.after(head, agreementId, rows.getString("entry_type"),
                        rows.getObject("occurred_at", OffsetDateTime.class).toInstant(), rows.getLong("version"),
                        rows.getString("event_id"), details);
                head = entry.head();
                update.setLong(1, entry.seq());
                update.setString(2, entry.previousHash());
                update.setString(3, entry.hash());
                update.setString(4, entry.hashed());
                update.setString(5, details);
                update.setLong(6, rows.getLong("seq"));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /** The details with {@code signature.method: bearer-token} when they hold a signature that names no method. */
    @SuppressWarnings("unchecked")
    static String markedBearerToken(String details) {
        var json = (Map<String, Object>) Json.parse(details);
        if (json.get("signature") instanceof Map<?, ?> signature && !signature.containsKey("method")) {
            ((Map<String, Object>) signature).put("method", SignatureMethod.BEARER_TOKEN.value());
            return Json.write(json);
        }
        return details;
    }
}
