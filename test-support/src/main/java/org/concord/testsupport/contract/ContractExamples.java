package org.concord.testsupport.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * The contract's example messages ({@code contract/examples/<ce_type>.json}), one per event type, for
 * consumers' tests to feed: {@code kafkaTemplate.send(ContractExamples.example("concord.agreement.signed")
 * .withNewId().toRecord(agreementsTopic))}.
 */
public final class ContractExamples {

    private static final Map<String, ContractExample> LOADED = new ConcurrentHashMap<>();

    private ContractExamples() {
    }

    /** The example of this event type, e.g. {@code concord.agreement.signed}. */
    public static ContractExample example(String ceType) {
        EventContract.topicOf(ceType); // fails with the list of known types for an unknown one
        return LOADED.computeIfAbsent(ceType, ContractExamples::load);
    }

    /** One example per event type, in the order of the AsyncAPI document. */
    public static List<ContractExample> all() {
        return EventContract.eventTypes().stream().map(ContractExamples::example).toList();
    }

    private static ContractExample load(String ceType) {
        String resource = EventContract.ROOT + "examples/" + ceType + ".json";
        JsonNode example = EventContract.readJson(resource);
        Map<String, String> headers = new LinkedHashMap<>();
        example.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asString()));
        JsonNode key = example.path("key");
        return new ContractExample(example.path("topic").asString(), key.isNull() || key.isMissingNode() ? null : key.asString(),
                headers, example.path("data").toString());
    }
}
