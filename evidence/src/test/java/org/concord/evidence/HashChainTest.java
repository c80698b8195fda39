package org.concord.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void the_first_entry_follows_64_zeros_and_its_hash_is_sha256_of_its_canonical_form_without_hash() {
        var entry = entry(1, "drafted");

        var linked = HashChain.append(List.of(), entry);

        assertThat(linked.get("previousHash")).isEqualTo("0".repeat(64));
        var hashed = new LinkedHashMap<>(linked);
        hashed.remove("hash");
        assertThat(linked.get("hash")).isEqualTo(
                Sha256.hex(CanonicalJson.canonicalize(hashed).getBytes(StandardCharsets.UTF_8)));
        assertThat(CanonicalJson.canonicalize(hashed)).isEqualTo("{\"agreementId\":\"a1\",\"at\":\"2024-09-24T02:00:00Z\","
                + "\"details\":{},\"eventId\":null,\"previousHash\":\"" + "0".repeat(64) + "\",\"seq\":1,"
                + "\"type\":\"drafted\",\"version\":1}");
    }

    @Test
    void each_entry_names_the_hash_of_the_one_before_and_the_head_is_the_last_hash_and_the_length() {
        var history = new ArrayList<Map<String, Object>>();
        history.add(HashChain.append(history, entry(1, "drafted")));
        history.add(HashChain.append(history, entry(2, "opened")));
        history.add(HashChain.append(history, entry(3, "withdrawn")));

        assertThat(history.get(1).get("previousHash")).isEqualTo(history.get(0).get("hash"));
        assertThat(history.get(2).get("previousHash")).isEqualTo(history.get(1).get("hash"));
        assertThat(HashChain.head(history)).isEqualTo(new HistoryHead((String) history.get(2).get("hash"), 3));
        assertThat(HashChain.head(List.of())).isEqualTo(new HistoryHead(HashChain.GENESIS, 0));
    }

    @Test
    void the_hash_depends_on_every_member_but_not_on_their_order() {
        var linked = HashChain.link(entry(1, "drafted"), HashChain.GENESIS);
        var reordered = new LinkedHashMap<String, Object>();
        var names = new ArrayList<>(linked.keySet());
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.put(name, linked.get(name)));
        assertThat(HashChain.hashOf(reordered)).isEqualTo(linked.get("hash"));

        for (String member : List.of("agreementId", "seq", "type", "at", "version", "eventId", "details",
                "previousHash")) {
            var changed = new LinkedHashMap<>(linked);
            changed.put(member, "changed");
            assertThat(HashChain.hashOf(changed)).as(member).isNotEqualTo(linked.get("hash"));
        }
    }

    private static Map<String, Object> entry(int seq, String type) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("agreementId", "a1");
        entry.put("seq", seq);
        entry.put("type", type);
        entry.put("at", "2024-09-24T02:00:0" + (seq - 1) + "Z");
        entry.put("version", seq);
        entry.put("eventId", null);
        entry.put("details", Map.of());
        return entry;
    }
}
