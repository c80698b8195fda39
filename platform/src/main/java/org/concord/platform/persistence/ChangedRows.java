package org.concord.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which rows of an ordered child list (an agreement's parties) must be written when the list changes from
 * {@code before} to {@code after}. A position whose element is equal before and after is left alone, so a change of
 * one element writes one row instead of the whole list (each row written costs index maintenance and page writes at
 * commit); an element changed in place (same key, same position) is updated, which is one statement where a delete
 * and an insert were two.
 *
 * @param stale    keys of the stored rows to delete
 * @param updated  positions in {@code after} whose rows to update in place
 * @param inserted positions in {@code after} whose rows to insert (after the stale ones are deleted)
 */
public record ChangedRows<K>(List<K> stale, List<Integer> updated, List<Integer> inserted) {

    public static <T, K> ChangedRows<K> between(List<T> before, List<T> after, Function<T, K> key) {
        List<K> stale = new ArrayList<>();
        List<Integer> updated = new ArrayList<>();
        List<Integer> inserted = new ArrayList<>();
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            T old = i < before.size() ? before.get(i) : null;
            T now = i < after.size() ? after.get(i) : null;
            if (old != null && Objects.equals(old, now)) {
                continue;
            }
            if (old != null && now != null && Objects.equals(key.apply(old), key.apply(now))) {
                updated.add(i);
                continue;
            }
            if (old != null) {
                stale.add(key.apply(old));
            }
            if (now != null) {
                inserted.add(i);
            }
        }
        return new ChangedRows<>(List.copyOf(stale), List.copyOf(updated), List.copyOf(inserted));
    }

    /**
     * Writes the change, one statement after the other: the stale rows deleted first (a row inserted at a new position
     * may carry a deleted row's key), then the rows updated in place, then the new ones.
     */
    public Mono<Void> write(Function<List<K>, Mono<Void>> delete, IntFunction<Mono<Void>> update,
            IntFunction<Mono<Void>> insert) {
        Mono<Void> deleteStale = stale.isEmpty() ? Mono.empty() : delete.apply(stale);
        return deleteStale
                .then(Flux.fromIterable(updated).concatMap(update::apply).then())
                .then(Flux.fromIterable(inserted).concatMap(insert::apply).then());
    }
}
