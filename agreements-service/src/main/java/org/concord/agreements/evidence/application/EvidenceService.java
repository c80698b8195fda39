package org.concord.agreements.evidence.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.application.KnownRegions;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.HistoryEntry;
import org.concord.agreements.agreement.domain.Party;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signature;
import org.concord.agreements.agreement.domain.SigningKeys;
import org.concord.evidence.EvidenceBundle;
import org.concord.evidence.Jwk;
import org.concord.evidence.JwkSet;
import org.concord.evidence.Jws;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles an agreement's evidence bundle (docs/evidence.md): its text as opened and every version amendments
 * adopted since, the whole hash-chained history as it was hashed, the key each signatory's JWS verified with when
 * it was recorded (grouped per region), and a checkpoint of the history's head signed now with the
 * {@link ServiceKey}. An adopted amendment's signatures keep their JWS in the history but not their key: the region's
 * key with the JWS's {@code kid}, as the region replica holds it now, stands in for it.
 */
@Service
public class EvidenceService {

    private final AgreementService agreements;
    private final KnownRegions regions;
    private final ServiceKey serviceKey;
    private final Clock clock;

    public EvidenceService(AgreementService agreements, KnownRegions regions, ServiceKey serviceKey, Clock clock) {
        this.agreements = agreements;
        this.regions = regions;
        this.serviceKey = serviceKey;
        this.clock = clock;
    }

    public Mono<EvidenceBundle> bundle(UUID id) {
        return agreements.historyAndAgreement(id).zipWith(regions.signingKeys()).map(read -> {
            List<HistoryEntry> history = read.getT1().getT1();
            Agreement agreement = read.getT1().getT2();
            AgreementText signedText = agreement.textAsOpened() != null ? agreement.textAsOpened() : agreement.text();
            List<Map<String, Object>> entries = history.stream().map(HistoryEntry::toJson).toList();
            return EvidenceBundle.assemble(id.toString(), ContentHash.textJson(signedText), entries,
                    regionKeys(agreement, entries, read.getT2()), serviceKey.signingKey(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    /**
     * Per region that signed with a key, the keys its JWS verified with: of its signature of the agreement and of
     * the open amendment as recorded, of adopted amendments as the region holds them now (found by {@code kid}).
     */
    private static Map<String, JwkSet> regionKeys(Agreement agreement, List<Map<String, Object>> history,
            SigningKeys current) {
        Map<String, Map<String, Jwk>> keys = new LinkedHashMap<>();
        for (Party party : agreement.parties()) {
            add(keys, party.signature());
        }
        if (agreement.openAmendment() != null) {
            agreement.openAmendment().signatures().forEach(signature -> add(keys, signature));
        }
        for (Map<String, Object> entry : history) {
            if ("amendment-signed".equals(entry.get("type")) && entry.get("details") instanceof Map<?, ?> details
                    && details.get("signature") instanceof Map<?, ?> signature
                    && signature.get("jws") instanceof String jws && signature.get("party") instanceof String party) {
                String kid = Jws.parse(jws).kid();
                var regionKeys = keys.computeIfAbsent(party, p -> new LinkedHashMap<>());
                if (!regionKeys.containsKey(kid)) {
                    current.of(RegionCode.of(party)).find(kid).ifPresent(key -> regionKeys.put(kid, key));
                }
            }
        }
        Map<String, JwkSet> sets = new LinkedHashMap<>();
        keys.forEach((region, byKid) -> {
            if (!byKid.isEmpty()) {
                sets.put(region, new JwkSet(List.copyOf(byKid.values())));
            }
        });
        return sets;
    }

    private static void add(Map<String, Map<String, Jwk>> keys, Signature signature) {
        if (signature != null && signature.evidence().byKey()) {
            Jwk key = signature.evidence().key();
            keys.computeIfAbsent(signature.party().value(), p -> new LinkedHashMap<>()).putIfAbsent(key.kid(), key);
        }
    }
}
