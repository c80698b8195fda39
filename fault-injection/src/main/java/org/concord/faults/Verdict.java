package org.concord.faults;

import java.util.List;

/**
 * What the history checker found: how many changes were acknowledged and how many requests went unanswered (and how
 * many of those took effect anyway, which is allowed), then every violation in three kinds: lost (an acknowledged
 * change, or an effect of a committed one, is missing), doubled (a change or an effect is there twice) and phantom
 * (an event, a notification or a change that no committed change or request accounts for).
 */
record Verdict(int acknowledged, int unanswered, int unansweredApplied, int refused, List<String> lost, List<String> doubled,
        List<String> phantoms, int topicRepeats, int webhookRedeliveries) {

    boolean holds() {
        return lost.isEmpty() && doubled.isEmpty() && phantoms.isEmpty();
    }

    /** The first few violations of each kind, one per line, for the report. */
    List<String> examples(int each) {
        return java.util.stream.Stream.of(
                        lost.stream().limit(each).map(line -> "lost: " + line),
                        doubled.stream().limit(each).map(line -> "doubled: " + line),
                        phantoms.stream().limit(each).map(line -> "phantom: " + line))
                .flatMap(stream -> stream).toList();
    }
}
