package org.concord.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's token signing key: an RSA key pair made at the first start and kept in
 * {@code <data>/keys/}. The services verify tokens with the public half; {@code ./concord token} signs
 * development tokens with the private half. Never used outside a developer machine.
 */
public final class DevKeys {

    static final String ISSUER = "concord-local";
    static final String AUDIENCE = "concord";

    private final Path directory;

    public DevKeys(Path dataDirectory) {
        this.directory = dataDirectory.toAbsolutePath().normalize().resolve("keys");
    }

    /** Makes the key pair unless it exists; returns whether it was made now. */
    public boolean ensure() {
        if (Files.exists(privateKeyFile()) && Files.exists(publicKeyFile())) {
            return false;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            write(privateKeyFile(), "PRIVATE KEY", pair.getPrivate().getEncoded());
            restrict(privateKeyFile());
            write(publicKeyFile(), "PUBLIC KEY", pair.getPublic().getEncoded());
            return true;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the development signing key", e);
        } catch (IOException e) {
            throw new LaunchException("cannot write the development signing key to " + directory + ": " + e.getMessage(),
                    LaunchException.USAGE, e);
        }
    }

    public PrivateKey privateKey() {
        try {
            byte[] der = read(privateKeyFile());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new LaunchException("the development signing key " + privateKeyFile() + " is damaged; delete "
                    + directory + " to make a new one", LaunchException.USAGE, e);
        }
    }

    /** How a process verifies tokens signed with this key: the {@code CONCORD_SECURITY_*} variables the services and the gateway read. */
    Map<String, String> verification() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CONCORD_SECURITY_ISSUER", ISSUER);
        environment.put("CONCORD_SECURITY_AUDIENCE", AUDIENCE);
        environment.put("CONCORD_SECURITY_PUBLIC_KEY", publicKeyFile().toUri().toString());
        return environment;
    }

    Path publicKeyFile() {
        return directory.resolve("public.pem");
    }

    Path privateKeyFile() {
        return directory.resolve("private.pem");
    }

    private static void write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static byte[] read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data directory's own permissions have to do
        }
    }
}
