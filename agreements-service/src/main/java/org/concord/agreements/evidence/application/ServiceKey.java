package org.concord.agreements.evidence.application;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.concord.agreements.AgreementsProperties;
import org.concord.evidence.Algorithm;
import org.concord.evidence.EvidenceException;
import org.concord.evidence.Json;
import org.concord.evidence.JwkSet;
import org.concord.evidence.SigningKey;
import org.concord.platform.startup.StartupCheckFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key agreements-service signs the checkpoint of every evidence bundle with, read once at start from the private
 * JWK file {@code concord.agreements.evidence.signing-key} ({@code CONCORD_EVIDENCE_SIGNING_KEY}). A file that is
 * missing or holds no usable private key stops the start with one line saying so. Without a file, a key is made at
 * start (and lost at stop): fine for a test, not for evidence anyone keeps, so the service warns.
 */
@Component
public class ServiceKey {

    private static final Logger log = LoggerFactory.getLogger(ServiceKey.class);
    static final String VARIABLE = "CONCORD_EVIDENCE_SIGNING_KEY";

    private final SigningKey key;

    public ServiceKey(AgreementsProperties properties) {
        String location = properties.evidence() == null ? null : properties.evidence().signingKey();
        this.key = location == null || location.isBlank() ? ephemeral() : read(location.strip());
    }

    /** The private key checkpoints are signed with. */
    public SigningKey signingKey() {
        return key;
    }

    /** What the service publishes: the public half, as a JWK set. */
    public JwkSet publicKeys() {
        return JwkSet.of(key.publicJwk());
    }

    private static SigningKey read(String location) {
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        try {
            SigningKey read = SigningKey.fromJson(Json.parse(Files.readAllBytes(file)));
            log.info("evidence bundles are signed with key '{}' ({}, thumbprint {}) from {}", read.kid(),
                    read.algorithm().jwsName(), read.publicJwk().thumbprint(), file);
            return read;
        } catch (NoSuchFileException e) {
            throw new StartupCheckFailed("no evidence signing key: " + file + " does not exist",
                    "Set " + VARIABLE + " to a file holding a private JWK (ES256 or EdDSA, with a kid), see docs/evidence.md.");
        } catch (IOException | EvidenceException | IllegalArgumentException e) {
            throw new StartupCheckFailed("the evidence signing key " + file + " cannot be used: " + e.getMessage(),
                    "Put a private JWK (ES256 or EdDSA, with a kid and its private part d) in it, see docs/evidence.md.");
        }
    }

    private static SigningKey ephemeral() {
        SigningKey made = SigningKey.generate(Algorithm.ES256, "agreements-service-ephemeral");
        log.warn("no {} set: evidence bundles are signed with a key made now (thumbprint {}), lost when the service"
                + " stops; a bundle signed before a restart, or by another instance, will not match the published key."
                + " Set it in production (docs/evidence.md)", VARIABLE, made.publicJwk().thumbprint());
        return made;
    }
}
