package org.concord.agreements.agreement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The MoU of the seed article (Nanning, 24 Sept 2024) as domain values, for unit tests. */
final class SeedAgreement {

    static final List<String> PARTY_CODES = List.of("CN-GX", "CN-SC", "CN-SN", "CN-YN", "CN-GZ", "CN-XZ",
            "CN-CQ", "CN-NM", "CN-GS", "CN-QH", "CN-XJ", "CN-NX");
    static final List<RegionCode> PARTIES = PARTY_CODES.stream().map(RegionCode::of).toList();
    static final RegionCode GUANGXI = RegionCode.of("CN-GX");
    static final RegionCode SICHUAN = RegionCode.of("CN-SC");
    static final RegionCode HAINAN = RegionCode.of("CN-HI");
    static final RegionDirectory ALL_ACTIVE = region -> RegionDirectory.Standing.ACTIVE;
    static final Instant NOW = Instant.parse("2024-09-24T02:00:00Z");
    static final Signatory SIGNATORY = new Signatory("Li Wei", "Director-General", "Department of Commerce");

    private SeedAgreement() {
    }

    static AgreementText text() {
        return text(new Term(LocalDate.parse("2024-09-24"), null));
    }

    static AgreementText text(Term term) {
        return new AgreementText(
                "Memorandum of Understanding on Silk Road E-commerce Cooperation with ASEAN",
                Kind.MOU,
                List.of(CooperationArea.E_COMMERCE, CooperationArea.CROSS_BORDER_E_COMMERCE),
                "Twelve provincial-level regions pledge exchanges and cooperation in e-commerce and cross-border e-commerce with ASEAN.",
                List.of("Enhance exchanges and cooperation in Silk Road e-commerce",
                        "Explore the potential for trade cooperation between China and ASEAN nations",
                        "Exchange e-commerce expertise",
                        "Facilitate the entry of high-quality products from ASEAN countries into China",
                        "Boost consumption upgrading"),
                "ASEAN",
                GUANGXI,
                PARTIES,
                new SigningEvent("2024 China-ASEAN Silk Road (Cross-border) E-commerce Open Cooperation Promotion Event",
                        "Nanning", LocalDate.parse("2024-09-24")),
                term);
    }

    static Agreement draft() {
        return Agreement.draft(UUID.randomUUID(), text(), ALL_ACTIVE, NOW).agreement();
    }

    static Agreement open() {
        return draft().open(ALL_ACTIVE, NOW).agreement();
    }

    /** Open, signed by every party but the last one. */
    static Agreement signedByAllButLast() {
        Agreement agreement = open();
        for (RegionCode party : PARTIES.subList(0, PARTIES.size() - 1)) {
            agreement = agreement.sign(party, SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW).agreement();
        }
        return agreement;
    }

    static Agreement signed() {
        Agreement agreement = signedByAllButLast();
        return agreement.sign(PARTIES.get(PARTIES.size() - 1), SIGNATORY, agreement.contentHash(), null, SigningKeys.NONE, ALL_ACTIVE, NOW)
                .agreement();
    }
}
