package org.concord.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which rows of an ordered child list (an agreement's parties) must be written when the list changes from
 * {@code before} to {@code after}: the keys whose stored rows are stale (delete them) and the positions to insert.
 * A position whose element is equal before and after is left alone, so a change of one element writes one row
 * instead of the whole list (each row written costs index maintenance and page writes at commit).
 *
 * @param stale     keys of the stored rows to delete
 * @param positions positions in {@code after} whose rows to insert
 */
public record ChangedRows<K>(List<K> stale, List<Integer> positions) {

    public static <T, K> ChangedRows<K> between(List<T> before, List<T> after, Function<T, K> key) {
        List<K> stale = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            T old = i < before.size() ? before.get(i) : null;
            T now = i < after.size() ? after.get(i) : null;
            if (old != null && Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                stale.add(key.apply(old));
            }
            if (now != null) {
                positions.add(i);
            }
        }
        return new ChangedRows<>(List.copyOf(stale), List.copyOf(positions));
    }
}
