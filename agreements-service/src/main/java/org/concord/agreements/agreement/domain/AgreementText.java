package org.concord.agreements.agreement.domain;

import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidDraft;
import org.concord.agreements.agreement.domain.AgreementRefusals.InvalidValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;


/**
 * The text of an agreement: everything the parties put their signature under. It can change while the
 * agreement is a draft; opening freezes it and fixes its {@link ContentHash}.
 *
 * <p>Rules of a well-formed text: a title; at least one cooperation area, none twice; at least one commitment,
 * in the order they are given; a convener that is one of the parties; at least two parties, none twice; the
 * signing event and the term. Surrounding whitespace is not part of the text. Summary and counterpart are
 * optional. Every string is well-formed Unicode: a lone surrogate (a JSON {@code \}{@code uD800} escape without its
 * pair) has no RFC 8785 form, so the text could be neither hashed nor signed (400).
 *
 * @param parties the parties as drafted, in the order of the draft (accession adds parties to the agreement,
 *                never to the signed text)
 */
public record AgreementText(
        String title,
        Kind kind,
        List<CooperationArea> areas,
        String summary,
        List<String> commitments,
        String counterpart,
        RegionCode convener,
        List<RegionCode> parties,
        SigningEvent signingEvent,
        Term term) {

    public AgreementText {
        title = required(title, "title");
        if (kind == null) {
            throw new InvalidDraft("kind is required (MOU)");
        }
        areas = distinct(nonEmpty(areas, "areas", "at least one cooperation area"), "areas", "cooperation area");
        summary = optional(summary, "summary");
        commitments = nonEmpty(commitments, "commitments", "at least one commitment").stream()
                .map(commitment -> required(commitment, "each commitment")).toList();
        counterpart = optional(counterpart, "counterpart");
        if (convener == null) {
            throw new InvalidDraft("convener is required (one of the parties)");
        }
        parties = distinct(nonEmpty(parties, "parties", "at least two parties"), "parties", "party");
        if (parties.size() < 2) {
            throw new InvalidDraft("an agreement needs at least two parties, got " + parties.size());
        }
        if (!parties.contains(convener)) {
            throw new InvalidDraft("the convener " + convener + " must be one of the parties " + parties);
        }
        if (signingEvent == null) {
            throw new InvalidDraft("signingEvent is required (name, venue, date)");
        }
        if (term == null) {
            throw new InvalidDraft("term is required (effectiveFrom, optional until)");
        }
    }

    /** The names of the fields whose value differs in {@code other}, in declaration order. */
    public List<String> fieldsChangedIn(AgreementText other) {
        var changed = new ArrayList<String>();
        if (!title.equals(other.title)) changed.add("title");
        if (kind != other.kind) changed.add("kind");
        if (!areas.equals(other.areas)) changed.add("areas");
        if (!Objects.equals(summary, other.summary)) changed.add("summary");
        if (!commitments.equals(other.commitments)) changed.add("commitments");
        if (!Objects.equals(counterpart, other.counterpart)) changed.add("counterpart");
        if (!convener.equals(other.convener)) changed.add("convener");
        if (!parties.equals(other.parties)) changed.add("parties");
        if (!signingEvent.equals(other.signingEvent)) changed.add("signingEvent");
        if (!term.equals(other.term)) changed.add("term");
        return List.copyOf(changed);
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidDraft(field + " is required and must not be blank");
        }
        return wellFormed(value.strip(), field);
    }

    private static String optional(String value, String field) {
        return value == null || value.isBlank() ? null : wellFormed(value.strip(), field);
    }

    /** The value, if it holds no lone surrogate: everything that is hashed or signed must have an RFC 8785 form. */
    static String wellFormed(String value, String field) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValue(field + " holds a lone surrogate (U+" + String.format("%04X", (int) c)
                        + " at character " + (i + 1) + "): text must be well-formed Unicode, a surrogate comes in a"
                        + " pair (JSON \\uD83D\\uDE00, or the character itself)");
            }
        }
        return value;
    }

    private static <T> List<T> nonEmpty(List<T> values, String field, String expectation) {
        if (values == null || values.isEmpty()) {
            throw new InvalidDraft(field + " must list " + expectation);
        }
        if (values.stream().anyMatch(Objects::isNull)) { // List.of(...).contains(null) would throw
            throw new InvalidDraft(field + " must not contain null");
        }
        return List.copyOf(values);
    }

    private static <T> List<T> distinct(List<T> values, String field, String what) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw new InvalidDraft(field + " lists the " + what + " " + value + " more than once");
            }
        }
        return values;
    }
}
