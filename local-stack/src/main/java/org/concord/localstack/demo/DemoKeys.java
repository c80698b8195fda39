package org.concord.localstack.demo;

import java.io.IOException;
import java.nio.file.Path;

import org.concord.evidence.Algorithm;
import org.concord.evidence.SigningKey;
import org.concord.localstack.keys.PrivateKeyFile;
import org.concord.testsupport.seed.SeedMou;

/**
 * The keys the demo's twelve departments sign with, one per region, ES256 and EdDSA in turn along the parties of
 * the MoU (Guangxi ES256, Sichuan EdDSA, ...). Each is made at the first run and kept in
 * {@code <data>/keys/demo-regions/<code>.json}, as a department keeps its key: the next runs sign with the same
 * keys, already registered. Never used outside a developer machine.
 */
final class DemoKeys {

    private final Path directory;

    DemoKeys(Path dataDirectory) {
        this.directory = dataDirectory.toAbsolutePath().normalize().resolve("keys").resolve("demo-regions");
    }

    /** The region's key, made now if it has none yet. */
    SigningKey of(String region) {
        Path file = directory.resolve(region + ".json");
        Algorithm algorithm = SeedMou.PARTIES.indexOf(region) % 2 == 1 ? Algorithm.EDDSA : Algorithm.ES256;
        try {
            return PrivateKeyFile.readOrMake(file, algorithm, region.toLowerCase() + "-demo");
        } catch (IOException e) {
            throw new DemoException("cannot read or write the demo key " + file + ": " + e.getMessage(), e);
        }
    }
}
