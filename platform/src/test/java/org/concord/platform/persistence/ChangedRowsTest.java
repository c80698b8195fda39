package org.concord.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class ChangedRowsTest {

    private record Party(String region, boolean signed) {
    }

    private static final Function<Party, String> REGION = Party::region;

    @Test
    void one_party_signing_updates_only_its_row_in_place() {
        var before = List.of(new Party("CN-GX", true), new Party("CN-YN", false), new Party("CN-SC", false));
        var after = List.of(new Party("CN-GX", true), new Party("CN-YN", true), new Party("CN-SC", false));

        var changed = ChangedRows.between(before, after, REGION);

        assertThat(changed.updated()).containsExactly(1);
        assertThat(changed.stale()).isEmpty();
        assertThat(changed.inserted()).isEmpty();
    }

    @Test
    void nothing_is_written_when_nothing_changed() {
        var parties = List.of(new Party("CN-GX", true), new Party("CN-YN", false));

        var changed = ChangedRows.between(parties, List.copyOf(parties), REGION);

        assertThat(changed.stale()).isEmpty();
        assertThat(changed.updated()).isEmpty();
        assertThat(changed.inserted()).isEmpty();
    }

    @Test
    void a_first_write_inserts_every_row() {
        var after = List.of(new Party("CN-GX", false), new Party("CN-YN", false));

        var changed = ChangedRows.between(List.of(), after, REGION);

        assertThat(changed.stale()).isEmpty();
        assertThat(changed.inserted()).containsExactly(0, 1);
    }

    @Test
    void a_party_removed_from_the_end_is_deleted() {
        var before = List.of(new Party("CN-GX", false), new Party("CN-YN", false), new Party("CN-SC", false));
        var after = List.of(new Party("CN-GX", false), new Party("CN-YN", false));

        var changed = ChangedRows.between(before, after, REGION);

        assertThat(changed.stale()).containsExactly("CN-SC");
        assertThat(changed.inserted()).isEmpty();
    }

    @Test
    void parties_in_a_new_order_are_rewritten_at_their_new_positions() {
        var before = List.of(new Party("CN-GX", false), new Party("CN-YN", false), new Party("CN-SC", false));
        var after = List.of(new Party("CN-GX", false), new Party("CN-SC", false), new Party("CN-YN", false));

        var changed = ChangedRows.between(before, after, REGION);

        assertThat(changed.stale()).containsExactlyInAnyOrder("CN-YN", "CN-SC");
        assertThat(changed.inserted()).containsExactly(1, 2);
        assertThat(changed.updated()).isEmpty();
    }

    @Test
    void a_change_is_written_stale_rows_first_then_updates_then_inserts() {
        var before = List.of(new Party("CN-GX", false), new Party("CN-YN", false), new Party("CN-SC", false));
        var after = List.of(new Party("CN-GX", true), new Party("CN-SC", false), new Party("CN-YN", false),
                new Party("CN-HI", false));
        List<String> statements = new ArrayList<>();

        ChangedRows.between(before, after, REGION).write(
                stale -> record(statements, "delete " + stale),
                i -> record(statements, "update " + after.get(i).region()),
                i -> record(statements, "insert " + after.get(i).region())).block();

        assertThat(statements).containsExactly("delete [CN-YN, CN-SC]", "update CN-GX",
                "insert CN-SC", "insert CN-YN", "insert CN-HI");
    }

    @Test
    void nothing_is_deleted_when_no_row_is_stale() {
        var before = List.of(new Party("CN-GX", false));
        var after = List.of(new Party("CN-GX", true));
        List<String> statements = new ArrayList<>();

        ChangedRows.between(before, after, REGION).write(
                stale -> record(statements, "delete " + stale),
                i -> record(statements, "update " + i),
                i -> record(statements, "insert " + i)).block();

        assertThat(statements).containsExactly("update 0");
    }

    private static Mono<Void> record(List<String> statements, String statement) {
        return Mono.fromRunnable(() -> statements.add(statement));
    }
}
