package org.concord.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A development bearer token: an RS256 JWT with the claims of DESIGN.md's security section ({@code sub},
 * {@code roles}, {@code region} for a signatory), the local issuer and audience, and an expiry.
 */
public record DevToken(String subject, String role, String region, Duration validity) {

    static final List<String> ROLES = List.of("admin", "signatory", "viewer");
    private static final Pattern REGION = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");

    public DevToken {
        if (!ROLES.contains(role)) {
            throw new LaunchException("unknown role '" + role + "': use admin, signatory or viewer", LaunchException.USAGE);
        }
        if (role.equals("signatory") && (region == null || !REGION.matcher(region).matches())) {
            throw new LaunchException("a signatory token needs the region it signs for, e.g. ./concord token signatory CN-SC",
                    LaunchException.USAGE);
        }
    }

    /** {@code token admin}, {@code token viewer}, {@code token signatory CN-SC}, each with optional {@code --ttl 8h}. */
    public static DevToken parse(List<String> args) {
        List<String> words = new ArrayList<>(args);
        Duration validity = Duration.ofHours(12);
        int ttl = words.indexOf("--ttl");
        if (ttl >= 0) {
            if (ttl + 1 >= words.size()) {
                throw new LaunchException("--ttl needs a duration such as 30m or 8h", LaunchException.USAGE);
            }
            validity = duration(words.get(ttl + 1));
            words.subList(ttl, ttl + 2).clear();
        }
        if (words.isEmpty()) {
            throw new LaunchException("which role? ./concord token admin | viewer | signatory <REGION>", LaunchException.USAGE);
        }
        String role = words.get(0).toLowerCase(Locale.ROOT);
        String region = words.size() > 1 ? words.get(1).toUpperCase(Locale.ROOT) : null;
        String subject = region == null ? role + "@local" : "signatory-" + region + "@local";
        return new DevToken(subject, role, role.equals("signatory") ? region : null, validity);
    }

    public String sign(PrivateKey key, Instant now) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + DevKeys.ISSUER + "\",\"aud\":\"" + DevKeys.AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(validity).getEpochSecond() + ",\"roles\":[\"" + role + "\"]"
                + (region == null ? "" : ",\"region\":\"" + region + "\"") + "}";
        String signingInput = base64Url(header) + "." + base64Url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new LaunchException("cannot read --ttl " + text + ": use e.g. 30m or 8h", LaunchException.USAGE);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
