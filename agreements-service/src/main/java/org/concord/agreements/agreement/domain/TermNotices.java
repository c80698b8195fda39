package org.concord.agreements.agreement.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How many days before the end of its term an agreement's parties are reminded (e.g. 90, 30, 7): one
 * {@code term-ending} per threshold and term, the tightest that has been passed when several have.
 */
public record TermNotices(List<Integer> days) {

    public static final TermNotices DEFAULT = new TermNotices(List.of(90, 30, 7));

    public TermNotices {
        days = days.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        if (days.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("term notice thresholds are days, 0 or more: " + days);
        }
    }

    /** The notice due with {@code daysLeft} days to go when the last one sent was {@code lastSent} (null: none). */
    Optional<Integer> due(long daysLeft, Integer lastSent) {
        return days.stream().filter(d -> d >= daysLeft && (lastSent == null || d < lastSent))
                .min(Comparator.naturalOrder());
    }

    /** The next threshold to reach after {@code lastSent} (null: none sent), if any. */
    Optional<Integer> next(Integer lastSent) {
        return days.stream().filter(d -> lastSent == null || d < lastSent).max(Comparator.naturalOrder());
    }
}
