package org.concord.localstack.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.concord.evidence.Algorithm;
import org.concord.evidence.Json;
import org.concord.evidence.SigningKey;

/**
 * A private JWK the local stack keeps in a file of its data directory, readable by its owner only: made at the first
 * use, read at every later one. Never used outside a developer machine.
 */
public final class PrivateKeyFile {

    private PrivateKeyFile() {
    }

    /** The key in {@code file}, made now (with this algorithm and kid) if the file does not exist. */
    public static SigningKey readOrMake(Path file, Algorithm algorithm, String kid) throws IOException {
        if (Files.exists(file)) {
            return SigningKey.fromJson(Json.parse(Files.readAllBytes(file)));
        }
        SigningKey key = SigningKey.generate(algorithm, kid);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.writePretty(key.toJson()), StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions have to do
        }
        return key;
    }
}
