package org.concord.agreements.agreement;

import org.concord.agreements.agreement.application.AgreementService;
import org.concord.agreements.agreement.domain.Agreement;
import org.concord.agreements.agreement.domain.AgreementStatus;
import org.concord.agreements.agreement.domain.AgreementText;
import org.concord.agreements.agreement.domain.ContentHash;
import org.concord.agreements.agreement.domain.Drafting;
import org.concord.agreements.agreement.domain.Provisions;
import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.Signer;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.ApiParts;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.openapi.RequestExample;
import org.concord.platform.openapi.ResponseExample;
import org.concord.platform.security.Roles;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.concord.agreements.agreement.AgreementRequests.Draft;
import org.concord.agreements.agreement.AgreementRequests.PartyNotice;
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
@Tag(name = "Agreements", description = "Agreements between regions (memoranda of understanding), their parties and "
        + "signatures, from draft to conclusion, and their audit trail. Every step is published on agreements.v1.")
public class AgreementController {

    private static final String ID = "The agreement's id";
    private static final String NOT_FOUND = "No agreement with this id";
    private static final String MERGE_PATCH = "A JSON Merge Patch (RFC 7396) of the draft: some of the properties of "
            + "`Draft`, each replacing the draft's; `null` removes an optional one";

    private static final String AMENDMENT_PATCH = "A JSON Merge Patch (RFC 7396) of the agreement's current text: some "
            + "of the text's properties of `Draft` (not `parties`, `convener` or the provisions), each replacing the "
            + "current one";

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
    @Operation(operationId = "draftAgreement", summary = "Draft an agreement",
            description = "Drafts an agreement among its parties (at least two, the convener among them, each a known, "
                    + "active region) and publishes `concord.agreement.drafted`. A draft can be changed (PATCH) until "
                    + "it is opened for signature.")
    @RequestExample("agreement-draft")
    @ApiResponse(responseCode = "201", description = "Drafted (or, for a repeated `Idempotency-Key`, the first response again)",
            headers = { @Header(name = ApiParts.LOCATION), @Header(name = ApiParts.ETAG) },
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ResponseExample("agreement-drafted")
    @ApiResponse(responseCode = "422", description = "A rule of agreements is broken: fewer than two distinct parties, "
            + "a convener who is not a party, a term that ends before it starts, a party that is not a known, active "
            + "region")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<?>> draft(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Draft request) {
        return idempotency.respond(key, "POST /api/agreements", request, () -> Mono.fromSupplier(request::toDrafting)
                .flatMap(service::draft)
                .map(agreement -> ResponseEntity.created(URI.create("/api/agreements/" + agreement.id()))
                        .eTag(ETags.of(agreement.version()))
                        .body(AgreementResource.of(agreement))));
    }

    /** Lists agreements, newest first, optionally those in one status and/or with one party. */
    @GetMapping
    @Operation(operationId = "listAgreements", summary = "List agreements",
            description = "The agreements, newest first, narrowed by status and by party (each optional); paged.")
    @ApiResponse(responseCode = "200", description = "A page of agreements")
    @ResponseExample("agreements-signed-by-yunnan")
    public Mono<Page<AgreementResource>> list(
            @Parameter(description = "Only agreements in this status", schema = @Schema(implementation = AgreementStatus.class))
            @RequestParam(required = false) String status,
            @Parameter(description = "Only agreements this region is party to", example = "CN-YN")
            @RequestParam(required = false) String party, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromSupplier(() -> PageQuery.of(page, size))
                .flatMap(query -> service.list(statusOf(status), party == null ? null : RegionCode.of(party), query))
                .map(found -> found.map(AgreementResource::of));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgreement", summary = "Read an agreement",
            description = "The agreement: its text, its parties with their signing state, its status and, once it is "
                    + "open, its `contentHash`; with its `ETag`.")
    @ApiResponse(responseCode = "200", description = "The agreement", headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("agreement-signed")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public Mono<ResponseEntity<AgreementResource>> get(@Parameter(description = ID) @PathVariable UUID id) {
        return service.get(id).map(AgreementController::ok);
    }

    /**
     * Changes a draft: a JSON Merge Patch (RFC 7396) of the draft's fields, with If-Match (428 without, 412 when
     * stale). Only a DRAFT can be changed (409).
     */
    @PatchMapping(path = "/{id}", consumes = { MERGE_PATCH_JSON, "application/json" })
    @Operation(operationId = "amendAgreement", summary = "Change a draft",
            description = "A JSON Merge Patch (RFC 7396) of the draft's fields: the fields it names are replaced, "
                    + "`null` removes an optional one. The patched draft is checked as a new draft is. Only a DRAFT "
                    + "can be changed; the change is kept in the audit trail (not published).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(types = "object", description = MERGE_PATCH)),
            @Content(mediaType = "application/json", schema = @Schema(types = "object", description = MERGE_PATCH)) })
    @RequestExample("agreement-amendment")
    @ApiResponse(responseCode = "200", description = "The draft as it now stands", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is no longer a DRAFT")
    @ApiResponse(responseCode = "422", description = "The patched draft breaks a rule of agreements (as for a new draft)")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<AgreementResource>> amend(@Parameter(description = ID) @PathVariable UUID id,
            @Parameter(required = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            return Mono.error(new DomainException(DomainException.Meaning.MALFORMED,
                    "a merge patch is a JSON object of the fields to change, e.g. {\"title\": \"...\"}"));
        }
        return service.amend(id, ETags.expected(ifMatch), drafting -> patched(drafting, patch).toDrafting())
                .map(AgreementController::ok);
    }

    /** Opens the draft for signature: freezes its text and fixes its contentHash. */
    @PostMapping("/{id}/open")
    @Operation(operationId = "openAgreement", summary = "Open a draft for signature",
            description = "DRAFT → OPEN: the text is frozen and its SHA-256 fixed as `contentHash`, which every "
                    + "signature must name; publishes `concord.agreement.opened`.")
    @ApiResponse(responseCode = "200", description = "The agreement, OPEN, with its `contentHash`",
            headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("agreement-opened")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is not a DRAFT")
    @ApiResponse(responseCode = "422", description = "A party is no longer a known, active region")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<AgreementResource>> open(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return service.open(id, ETags.expected(ifMatch)).map(AgreementController::ok);
    }

    /**
     * A party signs the open agreement (the last signature concludes it), or a region accedes to the signed one:
     * 200 with the agreement as it now stands. Honours Idempotency-Key.
     */
    @PostMapping("/{id}/signatures")
    @Operation(operationId = "signAgreement", summary = "Sign an agreement",
            description = "A party's signatory signs the OPEN agreement, naming its `contentHash`; the last signature "
                    + "concludes it (SIGNED). A region that is not a party accedes to a SIGNED agreement the same way. "
                    + "Publishes `concord.agreement.signature-recorded` (and `concord.agreement.signed` with the last), "
                    + "or `concord.agreement.party-acceded`. A signatory signs only for the region of its token's "
                    + "`region` claim.")
    @RequestExample("signature-sichuan")
    @ApiResponse(responseCode = "200", description = "Signed (or acceded): the agreement as it now stands (or, for a "
            + "repeated `Idempotency-Key`, the first response again)", headers = @Header(name = ApiParts.ETAG),
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ResponseExample("agreement-signed-by-sichuan")
    @ApiResponse(responseCode = "403", description = "The token's role is not `signatory`, or its region is not the party "
            + "it signs for (the attempt is kept in the audit trail)")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The party has already signed, or the agreement is neither OPEN nor "
            + "(for an accession) SIGNED")
    @ApiResponse(responseCode = "422", description = "The signature names another content hash than the agreement's, "
            + "or a region that is not a party of an OPEN agreement")
    @NeedsRole(Roles.SIGNATORY)
    public Mono<ResponseEntity<?>> sign(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Sign request) {
        return actingAs(key, "/api/agreements/" + id + "/signatures", request,
                signer -> service.sign(id, ETags.expected(ifMatch), signer, RegionCode.of(request.party()),
                        request.toSignatory(), ContentHash.of(request.contentHash()), request.jws()));
    }

    /**
     * A POST made by the caller for a region (a signature, a notice, an objection): {@code step} with the signer the
     * token names, the agreement it answers with its ETag, and the platform's Idempotency-Key behaviour.
     */
    private Mono<ResponseEntity<?>> actingAs(String key, String path, Object request,
            java.util.function.Function<Signer, Mono<Agreement>> step) {
        return idempotency.respond(key, "POST " + path, request,
                () -> Actor.current().map(AgreementController::signer).flatMap(step).map(AgreementController::ok));
    }

    /**
     * The signer, from the verified token: its subject, the region its {@code region} claim names, and whether it is an
     * admin.
     */
    private static Signer signer(Actor actor) {
        boolean validRegion = actor.region() != null && actor.region().matches(RegionCode.FORMAT);
        return new Signer(actor.subject(), validRegion ? RegionCode.of(actor.region()) : null,
                actor.hasRole(Roles.ADMIN));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(operationId = "withdrawAgreement", summary = "Withdraw an agreement",
            description = "DRAFT or OPEN → WITHDRAWN, with the reason; publishes `concord.agreement.withdrawn`.")
    @RequestExample("withdrawal")
    @ApiResponse(responseCode = "200", description = "The agreement, WITHDRAWN", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is neither DRAFT nor OPEN")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<AgreementResource>> withdraw(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Reason request) {
        return service.withdraw(id, ETags.expected(ifMatch), request.reason()).map(AgreementController::ok);
    }

    @PostMapping("/{id}/terminate")
    @Operation(operationId = "terminateAgreement", summary = "Terminate an agreement",
            description = "SIGNED or IN_FORCE → TERMINATED before the end of its term, with the reason; publishes "
                    + "`concord.agreement.terminated` (cause DECISION).")
    @RequestExample("termination")
    @ApiResponse(responseCode = "200", description = "The agreement, TERMINATED", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is neither SIGNED nor IN_FORCE")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<AgreementResource>> terminate(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @Valid @RequestBody Reason request) {
        return service.terminate(id, ETags.expected(ifMatch), request.reason()).map(AgreementController::ok);
    }

    /** A party in force gives notice of its withdrawal; it takes effect once the notice period has run. */
    @PostMapping("/{id}/withdrawals")
    @Operation(operationId = "notifyWithdrawal", summary = "Give notice of a party's withdrawal",
            description = "A party in force leaves the agreement (IN_FORCE): `concord.agreement.withdrawal-notified` now, "
                    + "`concord.agreement.party-withdrawn` once the agreement's `withdrawalNoticeDays` have run (at once "
                    + "for 0). When fewer parties in force than the `quorum` remain, the agreement is TERMINATED "
                    + "(`concord.agreement.terminated`, cause QUORUM_LOST). By the party's signatory, or an admin.")
    @RequestExample("withdrawal-notice")
    @ApiResponse(responseCode = "200", description = "The agreement, with the party's notice (or, for a repeated "
            + "`Idempotency-Key`, the first response again)", headers = @Header(name = ApiParts.ETAG),
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ApiResponse(responseCode = "403", description = "A signatory gives notice for another region than its own")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is not IN_FORCE, or the party has given notice already")
    @ApiResponse(responseCode = "422", description = "The region is not a party in force")
    @NeedsRole({ Roles.ADMIN, Roles.SIGNATORY })
    public Mono<ResponseEntity<?>> notifyWithdrawal(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody PartyNotice request) {
        return actingAs(key, "/api/agreements/" + id + "/withdrawals", request,
                signer -> service.notifyWithdrawal(id, ETags.expected(ifMatch), signer, RegionCode.of(request.party()),
                        request.reason()));
    }

    /** Opens an amendment of the agreement in force: a merge patch of its current text. */
    @PostMapping(path = "/{id}/amendments", consumes = { MERGE_PATCH_JSON, "application/json" })
    @Operation(operationId = "openAmendment", summary = "Open an amendment for signature",
            description = "An amendment by protocol of an agreement IN_FORCE: a JSON Merge Patch of its current text "
                    + "(not its parties, convener or provisions) becomes the amendment's text, open for signature by every "
                    + "party in force, who sign its `openAmendment.contentHash`. One amendment is open at a time. "
                    + "Publishes `concord.agreement.amendment-opened`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(types = "object", description = AMENDMENT_PATCH)),
            @Content(mediaType = "application/json", schema = @Schema(types = "object", description = AMENDMENT_PATCH)) })
    @RequestExample("amendment-of-text")
    @ApiResponse(responseCode = "200", description = "The agreement, with its `openAmendment` (or, for a repeated "
            + "`Idempotency-Key`, the first response again)", headers = @Header(name = ApiParts.ETAG),
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is not IN_FORCE, or an amendment is open already")
    @ApiResponse(responseCode = "422", description = "The amended text changes nothing, changes the parties or convener, "
            + "or breaks a rule of agreements")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<?>> openAmendment(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @io.swagger.v3.oas.annotations.Parameter(hidden = true) @RequestBody JsonNode patch) {
        if (!patch.isObject()) {
            return Mono.error(new DomainException(DomainException.Meaning.MALFORMED,
                    "an amendment is a JSON object of the text's fields to change, e.g. {\"commitments\": [...]}"));
        }
        return idempotency.respond(key, "POST /api/agreements/" + id + "/amendments", patch,
                () -> service.openAmendment(id, ETags.expected(ifMatch), (text, provisions) -> amendedText(text,
                        provisions, patch)).map(AgreementController::ok));
    }

    /** A party's signatory signs the open amendment; the last signature adopts it. */
    @PostMapping("/{id}/amendments/{number}/signatures")
    @Operation(operationId = "signAmendment", summary = "Sign an amendment",
            description = "A party in force signs the open amendment `number`, naming its `contentHash` (with a `jws` "
                    + "by its region's key, as for the agreement, once the region registered keys). Publishes "
                    + "`concord.agreement.amendment-signed`; the signature of the last party in force adopts it: the "
                    + "agreement's text, `contentHash` and `textVersion` change (`concord.agreement.amendment-adopted`).")
    @RequestExample("signature-sichuan")
    @ApiResponse(responseCode = "200", description = "Signed: the agreement as it now stands (or, for a repeated "
            + "`Idempotency-Key`, the first response again)", headers = @Header(name = ApiParts.ETAG),
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ApiResponse(responseCode = "403", description = "The token's role is not `signatory`, or its region is not the party "
            + "it signs for")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is not IN_FORCE, the amendment is not the open one, "
            + "or the party has signed it already")
    @ApiResponse(responseCode = "422", description = "The signature names another content hash than the amendment's, "
            + "or the region is not a party in force, or its jws does not hold")
    @NeedsRole(Roles.SIGNATORY)
    public Mono<ResponseEntity<?>> signAmendment(@Parameter(description = ID) @PathVariable UUID id,
            @Parameter(description = "The amendment's number") @PathVariable int number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody Sign request) {
        return actingAs(key, "/api/agreements/" + id + "/amendments/" + number + "/signatures", request,
                signer -> service.signAmendment(id, number, ETags.expected(ifMatch), signer,
                        RegionCode.of(request.party()), request.toSignatory(), ContentHash.of(request.contentHash()),
                        request.jws()));
    }

    /** A party's signatory objects to the automatic renewal of the current term. */
    @PostMapping("/{id}/renewal-objections")
    @Operation(operationId = "objectToRenewal", summary = "Object to the automatic renewal",
            description = "A party in force objects, on or before `renewalObjectionDeadline`, to the automatic renewal of "
                    + "the current term: the term then ends on `termEndsOn` and the agreement expires. Publishes "
                    + "`concord.agreement.renewal-objected`.")
    @RequestExample("renewal-objection")
    @ApiResponse(responseCode = "200", description = "The agreement, with the objection (or, for a repeated "
            + "`Idempotency-Key`, the first response again)", headers = @Header(name = ApiParts.ETAG),
            content = @Content(schema = @Schema(implementation = AgreementResource.class)))
    @ApiResponse(responseCode = "403", description = "The token's role is not `signatory`, or its region is not the party "
            + "it objects for")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "The agreement is not IN_FORCE, does not renew automatically, was "
            + "objected to already, or the deadline has passed")
    @ApiResponse(responseCode = "422", description = "The region is not a party in force")
    @NeedsRole(Roles.SIGNATORY)
    public Mono<ResponseEntity<?>> objectToRenewal(@Parameter(description = ID) @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody PartyNotice request) {
        return actingAs(key, "/api/agreements/" + id + "/renewal-objections", request,
                signer -> service.objectToRenewal(id, ETags.expected(ifMatch), signer, RegionCode.of(request.party()),
                        request.reason()));
    }

    /** The hash-chained history, oldest first (the evidence bundle holds it as it was hashed). */
    @GetMapping("/{id}/history")
    @Operation(operationId = "getAgreementHistory", summary = "Read an agreement's audit trail",
            description = "Every change of the agreement, oldest first, with the id of the event published for it "
                    + "(none for an amendment of a draft, which is not published) and what changed; refused "
                    + "signature attempts too.")
    @ApiResponse(responseCode = "200", description = "The audit trail")
    @ResponseExample("agreement-history")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public Mono<History> history(@Parameter(description = ID) @PathVariable UUID id) {
        return service.history(id)
                .map(entries -> new History(id, entries.stream().map(entry -> HistoryItem.of(entry, json)).toList()));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static ResponseEntity<AgreementResource> ok(Agreement agreement) {
        return ResponseEntity.ok().eTag(ETags.of(agreement.version())).body(AgreementResource.of(agreement));
    }

    /** The draft with the merge patch applied, read as strictly as a POST body. */
    private Draft patched(Drafting drafting, JsonNode patch) {
        JsonMapper strict = requestJson.mapper();
        JsonNode merged = MergePatch.apply(strict.valueToTree(Draft.of(drafting)), patch);
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
        return draft;
    }

    /** The agreement's text with an amendment's merge patch applied: the text only, its provisions stay. */
    private AgreementText amendedText(AgreementText text, Provisions provisions, JsonNode patch) {
        for (String provision : Draft.PROVISIONS) {
            if (patch.has(provision)) {
                throw new DomainException(DomainException.Meaning.MALFORMED, "an amendment changes the text; '"
                        + provision + "' is one of the agreement's provisions, fixed when it was opened");
            }
        }
        return patched(new Drafting(text, provisions), patch).toText();
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
