package org.concord.localstack.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.concord.evidence.Algorithm;
import org.concord.evidence.Json;
import org.concord.evidence.SigningKey;
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
        try {
            if (Files.exists(file)) {
                return SigningKey.fromJson(Json.parse(Files.readAllBytes(file)));
            }
            Algorithm algorithm = SeedMou.PARTIES.indexOf(region) % 2 == 1 ? Algorithm.EDDSA : Algorithm.ES256;
            SigningKey key = SigningKey.generate(algorithm, region.toLowerCase() + "-demo");
            Files.createDirectories(directory);
            Files.writeString(file, Json.writePretty(key.toJson()), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions have to do
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the demo key " + file, e);
        }
    }
}
