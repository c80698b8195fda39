package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An amendment by protocol: a new version of the text, open for signature by the parties in force when it was
 * opened; adopted once every party still in force has signed its content hash.
 *
 * @param number     1 for the first amendment; adopting amendment n makes the text version n + 1
 * @param parties    the parties asked to sign, as it was opened
 * @param signatures the signatures so far, in order
 */
public record Amendment(int number, AgreementText text, ContentHash contentHash, ContentHash previousContentHash,
        Instant openedAt, List<RegionCode> parties, List<Signature> signatures) {

    public Amendment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(previousContentHash, "previousContentHash");
        Objects.requireNonNull(openedAt, "openedAt");
        parties = List.copyOf(parties);
        signatures = List.copyOf(signatures);
    }

    public List<RegionCode> signedBy() {
        return signatures.stream().map(Signature::party).toList();
    }

    boolean signedBy(RegionCode party) {
        return signedBy().contains(party);
    }

    Amendment with(Signature signature) {
        var all = new ArrayList<>(signatures);
        all.add(signature);
        return new Amendment(number, text, contentHash, previousContentHash, openedAt, parties, all);
    }

    /** Whether every one of {@code current} (the parties in force now) has signed. */
    boolean signedByAll(List<RegionCode> current) {
        return signedBy().containsAll(current);
    }
}
