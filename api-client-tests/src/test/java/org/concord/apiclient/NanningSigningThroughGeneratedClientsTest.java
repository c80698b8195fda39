package org.concord.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.concord.client.agreements.api.AgreementsApi;
import org.concord.client.agreements.model.AgreementResource;
import org.concord.client.agreements.model.Draft;
import org.concord.client.agreements.model.HistoryItem;
import org.concord.client.agreements.model.PartyResource;
import org.concord.client.agreements.model.Problem;
import org.concord.client.agreements.model.Sign;
import org.concord.client.agreements.model.SignatoryBody;
import org.concord.client.notifications.api.NotificationsApi;
import org.concord.client.notifications.model.NotificationResponse;
import org.concord.client.regions.api.PortfoliosApi;
import org.concord.client.regions.api.RegionsApi;
import org.concord.client.regions.model.Partner;
import org.concord.client.regions.model.RegionAgreement;
import org.concord.client.regions.model.RegionResponse;
import org.concord.testsupport.security.Tokens;
import org.concord.testsupport.seed.SeedMou;
import org.concord.testsupport.system.ConcordSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a client team gets from our committed OpenAPI documents: Java clients generated from them by OpenAPI Generator
 * (this module's build), used as they come, against the three services as they run (a real broker, their own
 * databases, token verification on). The Nanning signing's REST steps through them: Guangxi drafts and opens the
 * MoU, the twelve departments of commerce sign it, and the refusals, headers, portfolio, partners and inbox read as
 * the documents say.
 */
class NanningSigningThroughGeneratedClientsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ConcordSystem concord;

    @BeforeAll
    static void startTheSystem() {
        concord = TheServices.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (concord != null) {
            concord.close();
        }
    }

    @Test
    void the_twelve_regions_sign_the_nanning_mou_through_the_generated_clients() throws Exception {
        // the signing authorities of the twelve parties, from the registry
        RegionsApi registry = new RegionsApi(regionsClient(Tokens.viewer()));
        Map<String, String> authorities = new LinkedHashMap<>();
        for (String party : SeedMou.PARTIES) {
            RegionResponse region = registry.getRegion(party);
            assertThat(region.getCode()).isEqualTo(party);
            assertThat(region.getType()).isNotNull();
            authorities.put(party, region.getSigningAuthority());
        }

        // Guangxi drafts the MoU (once agreements-service knows the twelve regions from regions.v1)
        var adminClient = agreementsClient(Tokens.admin());
        AgreementsApi admin = new AgreementsApi(adminClient);
        Draft draft = adminClient.getObjectMapper().convertValue(SeedMou.draft(), Draft.class);
        String key = UUID.randomUUID().toString();
        var drafted = await("agreements-service knows the twelve parties").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .ignoreException(org.concord.client.agreements.ApiException.class)
                .until(() -> admin.draftAgreementWithHttpInfo(draft, key), response -> response.getStatusCode() == 201);
        AgreementResource agreement = drafted.getData();
        assertThat(agreement.getStatus()).isEqualTo(AgreementResource.StatusEnum.DRAFT);
        assertThat(agreement.getParties()).extracting(PartyResource::getRegion).containsExactlyElementsOf(SeedMou.PARTIES);
        assertThat(header(drafted.getHeaders(), "Location")).isEqualTo("/api/agreements/" + agreement.getId());
        assertThat(header(drafted.getHeaders(), "ETag")).isEqualTo("\"" + agreement.getVersion() + "\"");

        // the same request again under the same Idempotency-Key: the first response, replayed
        var replayed = admin.draftAgreementWithHttpInfo(draft, key);
        assertThat(replayed.getStatusCode()).isEqualTo(201);
        assertThat(header(replayed.getHeaders(), "Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.getData().getId()).isEqualTo(agreement.getId());

        // opened for signature, naming the version it was made against
        UUID id = agreement.getId();
        AgreementResource opened = admin.openAgreement(id, header(drafted.getHeaders(), "ETag"));
        assertThat(opened.getStatus()).isEqualTo(AgreementResource.StatusEnum.OPEN);
        assertThat(opened.getContentHash()).startsWith("sha256:");

        // each department signs with its own signatory's token; the last signature concludes the MoU, which (by the
        // default rule, ALL_SIGNATURES) enters into force with it
        AgreementResource now = opened;
        for (String party : SeedMou.PARTIES) {
            now = signatory(party).signAgreement(id, signature(party, opened.getContentHash(), authorities.get(party)),
                    null, UUID.randomUUID().toString());
        }
        assertThat(now.getStatus()).isEqualTo(AgreementResource.StatusEnum.IN_FORCE);
        assertThat(now.getParties()).allSatisfy(party -> {
            assertThat(party.getSigned()).isTrue();
            assertThat(party.getSignatory().getOrganisation()).isEqualTo(authorities.get(party.getRegion()));
        });
        assertThat(now.getConcludedAt()).isNotNull();

        // a refusal is the documented problem detail: Sichuan signs a second time
        var refused = catchThrowableOfType(org.concord.client.agreements.ApiException.class, () -> signatory("CN-SC")
                .signAgreement(id, signature("CN-SC", opened.getContentHash(), authorities.get("CN-SC")), null, null));
        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = adminClient.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getTitle()).isEqualTo("Conflict");
        assertThat(problem.getDetail()).contains("CN-SC has already signed");
        assertThat(problem.getInstance()).isEqualTo("/api/agreements/" + id + "/signatures");

        // the list, filtered by an enumerated status, and the audit trail
        assertThat(admin.listAgreements("IN_FORCE", "CN-YN", 0, 20).getItems())
                .extracting(AgreementResource::getId).contains(id);
        List<String> trail = admin.getAgreementHistory(id).getEntries().stream().map(HistoryItem::getType).toList();
        assertThat(trail).startsWith("drafted", "opened").endsWith("signed", "entered-into-force")
                .filteredOn("signature-recorded"::equals).hasSize(12);

        // regions-service follows agreements.v1: Yunnan's portfolio and its eleven partners
        PortfoliosApi portfolios = new PortfoliosApi(regionsClient(Tokens.viewer()));
        List<RegionAgreement> yunnan = eventually(() -> portfolios.listRegionAgreements("CN-YN", 0, 20).getItems(),
                items -> items.stream().anyMatch(item -> id.toString().equals(item.getId()) && "IN_FORCE".equals(item.getStatus())));
        assertThat(yunnan).filteredOn(item -> id.toString().equals(item.getId()))
                .singleElement().satisfies(item -> assertThat(item.getSigned()).isTrue());
        List<Partner> partners = eventually(() -> portfolios.listRegionPartners("CN-YN", 0, 20).getItems(),
                items -> items.size() == 11);
        assertThat(partners).extracting(Partner::getRegion).doesNotContain("CN-YN").contains("CN-GX", "CN-NX");

        // notifications-service told Guangxi, the convener, that the MoU concluded
        NotificationsApi inbox = new NotificationsApi(notificationsClient(Tokens.viewer()));
        List<NotificationResponse> concluded = eventually(
                () -> inbox.listNotifications("CN-GX", "concord.agreement.signed", 0, 20).getItems(),
                items -> items.stream().anyMatch(item -> id.toString().equals(item.getAgreementId())));
        assertThat(concluded).filteredOn(item -> id.toString().equals(item.getAgreementId())).singleElement()
                .satisfies(item -> assertThat(item.getMessage()).contains("concluded: all 12 parties signed"));
    }

    private static Sign signature(String party, String contentHash, String organisation) {
        return new Sign().party(party).contentHash(contentHash).signatory(new SignatoryBody()
                .name("Signatory of " + party).title("Authorised representative").organisation(organisation));
    }

    private static AgreementsApi signatory(String party) {
        return new AgreementsApi(agreementsClient(Tokens.signatory(party)));
    }

    private static <T> List<T> eventually(Callable<List<T>> read, java.util.function.Predicate<List<T>> done) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(read, done);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    // One generated ApiClient per service (each document has its own package), pointed at the running service and
    // sending the bearer token on every request.

    private static org.concord.client.regions.ApiClient regionsClient(String token) {
        var client = new org.concord.client.regions.ApiClient();
        client.updateBaseUri(concord.url(TheServices.REGIONS).toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.concord.client.agreements.ApiClient agreementsClient(String token) {
        var client = new org.concord.client.agreements.ApiClient();
        client.updateBaseUri(concord.url(TheServices.AGREEMENTS).toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.concord.client.notifications.ApiClient notificationsClient(String token) {
        var client = new org.concord.client.notifications.ApiClient();
        client.updateBaseUri(concord.url(TheServices.NOTIFICATIONS).toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
