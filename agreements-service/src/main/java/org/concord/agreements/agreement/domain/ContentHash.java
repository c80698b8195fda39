package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;
import org.concord.evidence.TextHash;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;


/**
 * The fingerprint of an agreement's text that every signature names: the evidence format's method
 * {@value TextHash#METHOD}, {@code "sha256:"} followed by the lower-case hex SHA-256 of the UTF-8 bytes of the
 * text's RFC 8785 (JSON Canonicalization Scheme) form, computed by the evidence library's {@link TextHash} so that
 * the service, an evidence bundle and any verifier hash the same bytes.
 *
 * <h2>Canonical form</h2>
 * A JSON object, written without any whitespace outside strings, with the members (keys sorted by their
 * UTF-16 code units, at every level):
 * <pre>
 * areas         array of area names, sorted (areas are a set: their order is not part of the text)
 * commitments   array of strings, in the agreement's order (the order is part of the text)
 * convener      region code
 * counterpart   string, or null
 * kind          "MOU"
 * parties       array of the drafted parties' region codes, sorted (acceding parties are not in it)
 * signingEvent  {"date": "YYYY-MM-DD", "name": string, "venue": string}
 * summary       string, or null
 * term          {"effectiveFrom": "YYYY-MM-DD", "until": "YYYY-MM-DD" or null}
 * title         string
 * </pre>
 * Strings are the stored values (surrounding whitespace already stripped, no Unicode normalisation), escaped
 * as RFC 8785 does: {@code \"} and {@code \\}, {@code \b \f \n \r \t}, other control characters as
 * {@code \}{@code u00xx} with lower-case hex, every other character as itself. A text holding a lone surrogate
 * has no such form: {@link AgreementText} refuses it. {@code agreements-service/docs/content-hash.md} shows how
 * to check a hash by hand.
 */
public record ContentHash(String value) {

    public static final String FORMAT = "^sha256:[0-9a-f]{64}$";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public ContentHash {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidValue("'" + value + "' is not a content hash (sha256: and 64 lower-case hex digits)");
        }
    }

    public static ContentHash of(String value) {
        return new ContentHash(value);
    }

    /** The content hash of a text. */
    public static ContentHash of(AgreementText text) {
        return new ContentHash(TextHash.of(textJson(text)));
    }

    /** The canonical form of a text, as described on this class: what is hashed. */
    public static String canonicalForm(AgreementText text) {
        return TextHash.canonicalForm(textJson(text));
    }

    /**
     * The text as the evidence format writes it (docs/evidence.md, "the text"): every member, {@code null} where
     * the text has no value, areas and parties in the draft's order (hashing sorts them).
     */
    public static Map<String, Object> textJson(AgreementText text) {
        Map<String, Object> signingEvent = new LinkedHashMap<>();
        signingEvent.put("name", text.signingEvent().name());
        signingEvent.put("venue", text.signingEvent().venue());
        signingEvent.put("date", text.signingEvent().date().toString());
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("effectiveFrom", text.term().effectiveFrom().toString());
        term.put("until", text.term().until() == null ? null : text.term().until().toString());

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", text.title());
        json.put("kind", text.kind().name());
        json.put("areas", text.areas().stream().map(Enum::name).toList());
        json.put("summary", text.summary());
        json.put("commitments", text.commitments());
        json.put("counterpart", text.counterpart());
        json.put("convener", text.convener().value());
        json.put("parties", text.parties().stream().map(RegionCode::value).toList());
        json.put("signingEvent", signingEvent);
        json.put("term", term);
        return json;
    }

    @Override
    public String toString() {
        return value;
    }
}
