package org.concord.agreements.agreement;

import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signer;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.concord.agreements.agreement.AgreementRequests.Draft;
import org.concord.agreements.agreement.AgreementRequests.Reason;
import org.concord.agreements.agreement.AgreementRequests.Sign;
import org.concord.agreements.agreement.AgreementResponses.AgreementResource;
import org.concord.agreements.agreement.AgreementResponses.History;
import org.concord.agreements.agreement.AgreementResponses.HistoryItem;
import org.concord.platform.security.Actor;
import org.concord.platform.domain.DomainException;
import org.concord.platform.web.ETags;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.concord.platform.web.StrictRequestBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agreements API: requests in, {@link AgreementService} use cases, resources out with
 * their {@code ETag}. No rules here: they are the domain's. Errors are RFC 9457 problem details (platform).
 */
@RestController
@RequestMapping("/api/agreements")
public class AgreementController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final AgreementService service;
    private final IdempotentRequests idempotency;
    private final StrictRequestBodies requestJson;
    private final Validator validator;
    private final JsonMapper json;

    public AgreementController(AgreementService service, IdempotentRequests idempotency, StrictRequestBodies requestJson,
            Validator validator, JsonMapper json) {
        this.service = service;
        this.idempotency = idempotency;
        this.requestJson = requestJson;
        this.validator = validator;
        this.json = json;
    }

    /** Drafts an agreement: 201 with Location and ETag. Honours Idempotency-Key. */
    @PostMapping
    @ApiResponse(responseCode = "201", description = "drafted (or the first response again, for a repeated Idempotency-Key)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementResource.class)))
    public Mono<ResponseEntity<?>> draft(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Draft request) {
        return idempotency.respond(key, "POST /api/agreements", request, () -> Mono.fromSupplier(request::toText)
                .flatMap(service::draft)
                .map(agreement -> ResponseEntity.created(URI.create("/api/agreements/" + agreement.id()))
                        .eTag(ETags.of(agreement.version()))
                        .body(AgreementResource.of(agreement))));
    }

    /** Lists agreements, newest first, optionally those in one status and/or with one party. */
    @GetMapping
    public Mono<Page<AgreementResource>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String party, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromSupplier(() -> PageQuery.of(page, size))
                .flatMap(query -> service.list(statusOf(status), party == null ? null : RegionCode.of(party), query))
                .map(found -> found.map(AgreementResource::of));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<AgreementResource>> get(@PathVariable UUID id) {
        return service.get(id).map(AgreementController::ok);
    }

    /**
     * Changes a draft: a JSON Merge Patch (RFC 7396) of the draft's fields, with If-Match (428 without, 412 when
     * stale). Only a DRAFT can be changed (409).
     */
    @PatchMapping(path = "/{id}", consumes = { MERGE_PATCH_JSON, "application/json" })
    public Mono<ResponseEntity<AgreementResource>> amend(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            return Mono.error(new DomainException(DomainException.Meaning.MALFORMED,
                    "a merge patch is a JSON object of the fields to change, e.g. {\"title\": \"...\"}"));
        }
        return service.amend(id, ETags.expected(ifMatch), text -> patched(text, patch)).map(AgreementController::ok);
    }

    /** Opens the draft for signature: freezes its text and fixes its contentHash. */
    @PostMapping("/{id}/open")
    public Mono<ResponseEntity<AgreementResource>> open(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return service.open(id, ETags.expected(ifMatch)).map(AgreementController::ok);
    }

    /**
     * A party signs the open agreement (the last signature concludes it), or a region accedes to the signed one:
     * 200 with the agreement as it now stands. Honours Idempotency-Key.
     */
    @PostMapping("/{id}/signatures")
    @ApiResponse(responseCode = "200", description = "signed (or acceded); the agreement as it now stands",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementResource.class)))
    public Mono<ResponseEntity<?>> sign(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Sign request) {
        return idempotency.respond(key, "POST /api/agreements/" + id + "/signatures", request,
                () -> Actor.current().map(AgreementController::signer)
                        .flatMap(signer -> service.sign(id, ETags.expected(ifMatch), signer, RegionCode.of(request.party()),
                                request.toSignatory(), ContentHash.of(request.contentHash()), request.jws()))
                        .map(AgreementController::ok));
    }

    /** The signer, from the verified token: its subject and the region its {@code region} claim names. */
    private static Signer signer(Actor actor) {
        boolean validRegion = actor.region() != null && actor.region().matches(RegionCode.FORMAT);
        return new Signer(actor.subject(), validRegion ? RegionCode.of(actor.region()) : null);
    }

    @PostMapping("/{id}/withdraw")
    public Mono<ResponseEntity<AgreementResource>> withdraw(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Reason request) {
        return service.withdraw(id, ETags.expected(ifMatch), request.reason()).map(AgreementController::ok);
    }

    @PostMapping("/{id}/terminate")
    public Mono<ResponseEntity<AgreementResource>> terminate(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Reason request) {
        return service.terminate(id, ETags.expected(ifMatch), request.reason()).map(AgreementController::ok);
    }

    /** The hash-chained history, oldest first (the evidence bundle holds it as it was hashed). */
    @GetMapping("/{id}/history")
    public Mono<History> history(@PathVariable UUID id) {
        return service.history(id)
                .map(entries -> new History(id, entries.stream().map(entry -> HistoryItem.of(entry, json)).toList()));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ResponseEntity<AgreementResource> ok(Agreement agreement) {
        return ResponseEntity.ok().eTag(ETags.of(agreement.version())).body(AgreementResource.of(agreement));
    }

    /** The draft's text with the merge patch applied, read as strictly as a POST body. */
    private AgreementText patched(AgreementText text, JsonNode patch) {
        JsonMapper strict = requestJson.mapper();
        JsonNode merged = MergePatch.apply(strict.valueToTree(Draft.of(text)), patch);
        Draft draft;
        try {
            draft = strict.treeToValue(merged, Draft.class);
        } catch (JacksonException e) {
            throw new DomainException(DomainException.Meaning.MALFORMED,
                    "the patch cannot be applied to the draft: " + e.getOriginalMessage());
        }
        var violations = validator.validate(draft);
        if (!violations.isEmpty()) {
            throw new DomainException(DomainException.Meaning.MALFORMED, "the patched draft is invalid: "
                    + violations.stream().map(AgreementController::describe).sorted().collect(Collectors.joining("; ")));
        }
        return draft.toText();
    }

    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }

    private static AgreementStatus statusOf(String status) {
        if (status == null) {
            return null;
        }
        try {
            return AgreementStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainException.Meaning.MALFORMED, "status must be one of "
                    + Arrays.toString(AgreementStatus.values()) + ", was " + status);
        }
    }
}
