package org.concord.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the worked example of docs/evidence.md: the Nanning signing, Xizang by bearer token, the others with keys
 * of their own. Fresh keys each time, so the signatures, keys and hashes change and docs/evidence.md must be
 * brought up to date with them (EvidenceDocumentationTest says where). Run from the evidence module:
 * {@code java -cp target/classes:target/test-classes org.concord.evidence.EvidenceExample ../docs/evidence-example.json}
 */
public final class EvidenceExample {

    static final String AGREEMENT_ID = "5f0b6c1e-2d3a-4b8e-9c47-0a1e2b3c4d5e";

    private EvidenceExample() {
    }

    static EvidenceBundle bundle() {
        return NanningEvidence.signing().agreementId(AGREEMENT_ID).deterministicIds().withBearerTokenOnly("CN-XZ")
                .build();
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../docs/evidence-example.json");
        Files.writeString(file, bundle().write(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath().normalize());
    }
}
