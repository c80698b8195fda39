package org.concord.agreements.evidence.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.Signature;
import org.concord.evidence.EvidenceBundle;
import org.concord.evidence.Jwk;
import org.concord.evidence.JwkSet;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles an agreement's evidence bundle (docs/evidence.md): its text, the whole hash-chained history as it was
 * hashed, the key each signatory's JWS verified with when it was recorded (grouped per region), and a checkpoint
 * of the history's head signed now with the {@link ServiceKey}.
 */
@Service
public class EvidenceService {

    private final AgreementService agreements;
    private final ServiceKey serviceKey;
    private final Clock clock;

    public EvidenceService(AgreementService agreements, ServiceKey serviceKey, Clock clock) {
        this.agreements = agreements;
        this.serviceKey = serviceKey;
        this.clock = clock;
    }

    public Mono<EvidenceBundle> bundle(UUID id) {
        return agreements.historyAndAgreement(id).map(read -> {
            List<HistoryEntry> history = read.getT1();
            Agreement agreement = read.getT2();
            AgreementText signedText = agreement.textAsOpened() != null ? agreement.textAsOpened() : agreement.text();
            return EvidenceBundle.assemble(id.toString(), ContentHash.textJson(signedText),
                    history.stream().map(HistoryEntry::toJson).toList(), regionKeys(agreement), serviceKey.signingKey(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    /** Per region that signed with a key, the key its JWS verified with. */
    private static Map<String, JwkSet> regionKeys(Agreement agreement) {
        Map<String, JwkSet> keys = new LinkedHashMap<>();
        for (Party party : agreement.parties()) {
            Signature signature = party.signature();
            if (signature != null && signature.evidence().byKey()) {
                Jwk key = signature.evidence().key();
                keys.put(party.region().value(), JwkSet.of(key));
            }
        }
        return keys;
    }
}
