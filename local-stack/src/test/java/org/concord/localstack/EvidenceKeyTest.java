package org.concord.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.concord.evidence.Json;
import org.concord.evidence.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceKeyTest {

    @TempDir
    Path data;

    @Test
    void the_key_is_made_once_as_a_private_jwk_only_its_owner_reads_and_kept_across_starts() throws Exception {
        EvidenceKey key = new EvidenceKey(data);

        assertThat(key.ensure()).isTrue();
        String made = Files.readString(key.file());
        assertThat(new EvidenceKey(data).ensure()).as("the next start keeps it").isFalse();

        assertThat(Files.readString(key.file())).isEqualTo(made);
        SigningKey read = SigningKey.fromJson(Json.parse(made));
        assertThat(read.kid()).isEqualTo("agreements-service-local");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.file()))).isEqualTo("rw-------");
    }
}
