package org.concord.evidence;

import java.util.Base64;

/** base64url without padding (RFC 7515 section 2), decoded strictly: one encoding per byte string. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes {@code text}, refusing padding, characters outside the alphabet and non-zero unused bits in the
     * last character (the JDK's decoder ignores those: two texts would then carry the same bytes).
     */
    static byte[] decode(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                throw new EvidenceException(what + " is not base64url: it holds '" + c + "'");
            }
        }
        if (text.length() % 4 == 1) {
            throw new EvidenceException(what + " is not base64url: its length cannot be decoded");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new EvidenceException(what + " is not canonical base64url: its last character has bits set "
                    + "that carry no data");
        }
        return bytes;
    }
}
