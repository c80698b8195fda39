package org.concord.agreements.region;

import org.concord.agreements.region.domain.ReplicatedRegion;
import org.concord.agreements.region.persistence.RegionReplica;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.RegionDirectory.Standing;
import org.concord.evidence.Algorithm;
import org.concord.evidence.Jwk;
import org.concord.evidence.SigningKey;
import org.concord.agreements.AgreementsScenarioSupport;
import org.concord.agreements.AgreementsApplication;
import org.concord.platform.ConcordApplication;
import org.concord.testsupport.contract.ContractExamples;
import org.concord.testsupport.kafka.TestKafka;
import org.concord.testsupport.kafka.TopicRecords;
import org.concord.testsupport.security.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The parties of an agreement are checked against a replica of the region registry built from regions.v1, as
 * regions-service publishes it (the contract's examples, with varied codes): never by calling regions-service.
 */
abstract class RegionReplicaScenarios extends AgreementsScenarioSupport {

    static final String BINDING = "regionEvents-in-0";

    @Autowired
    Environment environment;
    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void the_replica_is_built_from_registered_events_and_its_regions_can_be_parties() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(freshRegionCode());
        }
        codes.forEach(code -> publishRegion("concord.region.registered", code, true, 1));

        awaitReplicated(codes);
        assertThat(replica.find(codes.get(0)).block()).satisfies(region -> {
            assertThat(region.name()).isEqualTo("Region " + codes.get(0));
            assertThat(region.active()).isTrue();
            assertThat(region.signingAuthority()).isEqualTo("Department of Commerce of Xizang Autonomous Region");
        });
        Map<String, Object> body = seedMou();
        body.put("convener", codes.get(0));
        body.put("parties", codes);
        draft(body);
    }

    @Test
    void drafting_with_an_unknown_region_is_422_naming_the_code() {
        Map<String, Object> body = seedMou();
        body.put("parties", List.of("CN-GX", "CN-SC", "XX-Q9"));

        post("/api/agreements", body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("unknown region XX-Q9").doesNotContain("CN-SC"));
    }

    @Test
    void drafting_with_a_deactivated_region_is_422_naming_the_code() {
        String code = freshRegionCode();
        publishRegion("concord.region.registered", code, true, 1);
        publishRegion("concord.region.deactivated", code, false, 2);
        Awaitility.await().atMost(EVENTS).until(() -> {
            ReplicatedRegion region = replica.find(code).block();
            return region != null && !region.active();
        });
        Map<String, Object> body = seedMou();
        body.put("parties", List.of("CN-GX", code));

        post("/api/agreements", body).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("deactivated region " + code));
    }

    @Test
    void a_region_deactivated_after_drafting_cannot_have_the_draft_opened() {
        String code = freshRegionCode();
        publishRegion("concord.region.registered", code, true, 1);
        awaitReplicated(List.of(code));
        Map<String, Object> body = seedMou();
        body.put("parties", List.of("CN-GX", code));
        Object id = draft(body).get("id");

        publishRegion("concord.region.deactivated", code, false, 2);
        Awaitility.await().atMost(EVENTS).until(() -> !replica.find(code).block().active());

        post("/api/agreements/" + id + "/open", Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(code));
    }

    @Test
    void a_signature_is_checked_against_its_regions_standing_and_every_regions_current_keys() {
        String signer = freshRegionCode();
        String deactivated = freshRegionCode();
        String bystander = freshRegionCode();
        SigningKey first = SigningKey.generate(Algorithm.ES256, signer.toLowerCase() + "-1");
        SigningKey other = SigningKey.generate(Algorithm.EDDSA, deactivated.toLowerCase() + "-1");
        publishRegion("concord.region.registered", signer, true, 1, first);
        publishRegion("concord.region.deactivated", deactivated, false, 2, other);
        publishRegion("concord.region.registered", bystander, true, 1,
                SigningKey.generate(Algorithm.ES256, bystander.toLowerCase() + "-1"));
        Awaitility.await().atMost(EVENTS).until(() -> {
            var region = replica.find(deactivated).block();
            return replica.find(signer).block() != null && replica.find(bystander).block() != null
                    && region != null && !region.active();
        });
        var named = List.of(RegionCode.of(signer), RegionCode.of(deactivated), RegionCode.of("XX-Q9"));

        var known = replica.forSignature(named).block();

        assertThat(known.directory().standingOf(RegionCode.of(signer))).isEqualTo(Standing.ACTIVE);
        assertThat(known.directory().standingOf(RegionCode.of(deactivated))).isEqualTo(Standing.DEACTIVATED);
        assertThat(known.directory().standingOf(RegionCode.of("XX-Q9"))).isEqualTo(Standing.UNKNOWN);
        assertThat(known.directory().standingOf(RegionCode.of(bystander)))
                .as("a region with keys but not named has no standing here").isEqualTo(Standing.UNKNOWN);
        assertThat(known.keys().of(RegionCode.of(bystander)).keys()).hasSize(1);
        assertThat(known.keys().of(RegionCode.of(signer)).keys()).extracting(Jwk::kid).containsExactly(first.kid());
        assertThat(known.keys().of(RegionCode.of(deactivated)).keys()).extracting(Jwk::kid).containsExactly(other.kid());
        assertThat(known.keys().all()).isEqualTo(replica.signingKeys().block().all());

        SigningKey rotated = SigningKey.generate(Algorithm.EDDSA, signer.toLowerCase() + "-2");
        publishRegion("concord.region.updated", signer, true, 2, rotated);
        Awaitility.await().atMost(EVENTS).until(() -> replica.find(signer).block().version() == 2);

        assertThat(replica.forSignature(named).block().keys().of(RegionCode.of(signer)).keys())
                .extracting(Jwk::kid).containsExactly(rotated.kid());
    }

    @Test
    void the_last_version_wins_whatever_order_the_snapshots_arrive_in() {
        String code = freshRegionCode();
        publishRegion("concord.region.deactivated", code, false, 3);
        awaitReplicated(List.of(code));
        publishRegion("concord.region.updated", code, true, 2);
        String marker = freshRegionCode();
        publishRegion("concord.region.registered", marker, true, 1);
        awaitReplicated(List.of(marker)); // the older snapshot was sent before the marker: it has been processed

        assertThat(replica.find(code).block()).satisfies(region -> {
            assertThat(region.version()).isEqualTo(3);
            assertThat(region.active()).isFalse();
        });

        publishRegion("concord.region.updated", code, true, 4);
        Awaitility.await().atMost(EVENTS).until(() -> replica.find(code).block().version() == 4);
        assertThat(replica.find(code).block().active()).isTrue();
    }

    @Test
    void a_record_that_is_not_a_region_snapshot_goes_to_the_dead_letter_topic_and_the_replica_goes_on() {
        String broken = freshRegionCode();
        TestKafka.send(ContractExamples.example("concord.region.registered").withNewId().withSubject(broken)
                .withData("{\"code\":\"" + broken + "\",\"name\":42}").toRecord(topics.regions()));
        String next = freshRegionCode();
        publishRegion("concord.region.registered", next, true, 1);

        awaitReplicated(List.of(next));
        assertThat(replica.find(broken).block()).isNull();
        String dlq = topics.regions() + ".agreements-service.dlq";
        assertThat(TopicRecords.await(dlq, TopicRecords.keyed(broken), 1, EVENTS)).hasSize(1);
    }

    /**
     * A restart on an empty database (e.g. the local stack's in-memory H2) while the consumer group has committed
     * offsets: the new instance still reads regions.v1 from its start and has every region.
     */
    @Test
    void an_instance_starting_on_a_fresh_database_gets_the_whole_replica_from_the_compacted_topic() {
        assertThat(replica.find("CN-GX").block()).isNotNull();
        String freshDatabase = "agreements_restart_" + UUID.randomUUID().toString().substring(0, 8);

        bindings.stop(BINDING); // the new instance is the group's only consumer, as after a real restart
        try (ConfigurableApplicationContext restarted = ConcordApplication
                .builder(AgreementsApplication.class, AgreementsApplication.NAME)
                .run(Stream.concat(Tokens.verification().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()), Stream.of(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.r2dbc.url=r2dbc:h2:mem:///" + freshDatabase + ";DB_CLOSE_DELAY=-1",
                        "--spring.flyway.url=jdbc:h2:mem:" + freshDatabase + ";DB_CLOSE_DELAY=-1",
                        "--concord.topics.regions=" + topics.regions(),
                        "--concord.topics.agreements=" + topics.agreements(),
                        "--concord.topics.notifications=" + topics.notifications(),
                        "--concord.messaging.group=" + environment.getProperty("concord.messaging.group"),
                        "--concord.outbox.relay.enabled=false")).toArray(String[]::new))) {
            RegionReplica restartedReplica = restarted.getBean(RegionReplica.class);

            Awaitility.await("replica rebuilt from the start of regions.v1").atMost(Duration.ofSeconds(60))
                    .until(() -> SEED_PARTIES.stream().allMatch(code -> restartedReplica.find(code).block() != null));
        } finally {
            bindings.start(BINDING);
        }
    }
}
