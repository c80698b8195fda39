package org.concord.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.concord.evidence.Algorithm;
import org.concord.localstack.keys.PrivateKeyFile;

/**
 * The local stack's evidence signing key: the private JWK agreements-service signs the checkpoint of every evidence
 * bundle with ({@code CONCORD_EVIDENCE_SIGNING_KEY}), made at the first start and kept in
 * {@code <data>/keys/evidence-signing-key.json}, so that bundles keep matching the published key across restarts.
 * Never used outside a developer machine.
 */
public final class EvidenceKey {

    static final String KID = "agreements-service-local";

    private final Path file;

    public EvidenceKey(Path dataDirectory) {
        this.file = dataDirectory.toAbsolutePath().normalize().resolve("keys").resolve("evidence-signing-key.json");
    }

    /** Makes the key unless it exists; returns whether it was made now. */
    public boolean ensure() {
        boolean made = !Files.exists(file);
        try {
            PrivateKeyFile.readOrMake(file, Algorithm.ES256, KID);
            return made;
        } catch (IOException e) {
            throw new LaunchException("cannot write the evidence signing key to " + file + ": " + e.getMessage(),
                    LaunchException.USAGE, e);
        }
    }

    public Path file() {
        return file;
    }
}
