package org.concord.regions.region;

import org.concord.regions.region.application.RegionService;
import org.concord.regions.region.domain.InvalidRegion;
import org.concord.regions.region.domain.KeyRegistrant;
import org.concord.regions.region.domain.Region;
import org.concord.regions.region.domain.RegionCode;
import org.concord.regions.region.domain.RegionDetails;
import org.concord.regions.region.domain.RegionFilter;
import org.concord.regions.region.domain.RegionType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.ApiParts;
import org.concord.platform.openapi.RequestExample;
import org.concord.platform.openapi.ResponseExample;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.security.Actor;
import org.concord.platform.security.Roles;
import org.concord.platform.web.ETags;
import org.concord.platform.web.IdempotentRequests;
import org.concord.platform.domain.Page;
import org.concord.platform.domain.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The registry over HTTP: {@code /api/regions}. Requests and responses are records; the rules live in
 * {@link Region}, the use cases in {@link RegionService}. Errors are problem details (platform advice).
 */
@RestController
@RequestMapping("/api/regions")
@Tag(name = "Regions", description = "The registry: every entry of ISO 3166-2:CN and the ASEAN member states, each "
        + "with its signing authority. Every change is published on regions.v1.")
public class RegionController {

    static final String CODE = "The region's code: ISO 3166-2 (CN-GX) or, for a country, ISO 3166-1 alpha-2 (VN)";

    private final RegionService service;
    private final IdempotentRequests idempotency;

    public RegionController(RegionService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** Lists regions by code, narrowed by type, country and free text over code, name and native name; paged. */
    @GetMapping
    @Operation(operationId = "listRegions", summary = "List regions",
            description = "The regions by code, narrowed by type, country and a text that matches the code, the name or "
                    + "the native name (each optional); paged.")
    @ApiResponse(responseCode = "200", description = "A page of regions")
    @ResponseExample("regions-autonomous")
    public Mono<Page<RegionResponse>> list(
            @Parameter(description = "Only regions of this type", schema = @Schema(implementation = RegionType.class))
            @RequestParam(required = false) String type,
            @Parameter(description = "Only regions of this country (ISO 3166-1 alpha-2)", example = "CN")
            @RequestParam(required = false) String country,
            @Parameter(description = "A text the code, the name or the native name contains", example = "Guangxi")
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> RegionFilter.of(type, country, q))
                .zipWith(Mono.fromCallable(() -> PageQuery.of(page, size)))
                .flatMap(t -> service.list(t.getT1(), t.getT2()))
                .map(result -> result.map(RegionResponse::of));
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getRegion", summary = "Read a region",
            description = "The region, active or not, with its `ETag`.")
    @ApiResponse(responseCode = "200", description = "The region", headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("region-guangxi")
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    public Mono<ResponseEntity<RegionResponse>> get(@Parameter(description = CODE, example = "CN-GX") @PathVariable String code) {
        return service.get(code).map(region -> withETag(ResponseEntity.ok(), region));
    }

    /**
     * Registers a region: 201 with its location; 409 if the code is taken, 422 if a rule is broken. With an
     * {@code Idempotency-Key}, the same request again gets the first response again.
     */
    @PostMapping
    @Operation(operationId = "registerRegion", summary = "Register a region",
            description = "Adds a region to the registry and publishes `concord.region.registered`. Codes are never "
                    + "reused: a code that is taken, even by a deactivated region, is a 409.")
    @RequestExample("region-registration")
    @ApiResponse(responseCode = "201", description = "Registered (or, for a repeated `Idempotency-Key`, the first response again)",
            headers = { @Header(name = ApiParts.LOCATION), @Header(name = ApiParts.ETAG) },
            content = @Content(schema = @Schema(implementation = RegionResponse.class)))
    @ResponseExample("region-registered")
    @ApiResponse(responseCode = "409", description = "The code is already registered; change the region with PUT")
    @ApiResponse(responseCode = "422", description = "A rule of the registry is broken: a code that is not ISO 3166-2 or "
            + "ISO 3166-1, a missing name or type, a country that does not follow from the code")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<?>> register(
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody RegisterRegionRequest request) {
        return idempotency.respond(idempotencyKey, "POST /api/regions", request, () -> Mono.fromCallable(request::details)
                .flatMap(details -> service.register(request.code(), details))
                .map(region -> withETag(ResponseEntity.created(URI.create("/api/regions/" + region.code())), region)));
    }

    /**
     * Replaces a region's details. Needs {@code If-Match} with the current ETag: 428 without, 412 when stale.
     * The code (in the path), country (follows from the code), active flag (see DELETE) and version belong
     * to the registry: {@code active} and {@code version} in the body are ignored, a differing code or
     * country is refused (422).
     */
    @PutMapping("/{code}")
    @Operation(operationId = "updateRegion", summary = "Replace a region's details",
            description = "Replaces the details (name, native name, type, capital, signing authority, contact e-mail) "
                    + "and publishes `concord.region.updated`. The code, the country, `active` and `version` belong to "
                    + "the registry: `active` and `version` in the body are ignored, a different code or country is a 422.")
    @RequestExample("region-update")
    @ApiResponse(responseCode = "200", description = "The region as it now stands", headers = @Header(name = ApiParts.ETAG))
    @ResponseExample("region-updated")
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    @ApiResponse(responseCode = "422", description = "A rule of the registry is broken: a missing name or type, a code "
            + "or country in the body that differs from the path's")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<RegionResponse>> update(@Parameter(description = CODE, example = "CN-XZ") @PathVariable String code,
            @Parameter(required = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UpdateRegionRequest request) {
        return Mono.fromCallable(() -> request.details(code))
                .flatMap(details -> service.update(code, ETags.expected(ifMatch), details))
                .map(region -> withETag(ResponseEntity.ok(), region));
    }

    /** The public keys the region's signatories sign with (a JWK set, empty when none), with the region's ETag. */
    @GetMapping("/{code}/keys")
    @Operation(operationId = "getRegionKeys", summary = "Read a region's signing keys",
            description = "The public keys the region's signatories sign agreements with, as a JWK set (RFC 7517): "
                    + "ES256 and EdDSA keys, each with its `kid`; `{\"keys\": []}` when the region signs with bearer "
                    + "tokens only. The ETag is the region's.")
    @ApiResponse(responseCode = "200", description = "The region's JWK set", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    public Mono<ResponseEntity<Map<String, Object>>> keys(
            @Parameter(description = CODE, example = "CN-YN") @PathVariable String code) {
        return service.get(code).map(region -> keysOf(ResponseEntity.ok(), region));
    }

    /**
     * Replaces the keys the region's signatories sign with: a JWK set of public ES256 (EC P-256) and EdDSA (OKP
     * Ed25519) keys, each with its own kid (at most 10; an empty set: the region signs with bearer tokens again).
     * By the region's own signatory or an admin; needs {@code If-Match} with the region's current ETag (428 without,
     * 412 when stale). 422 for a private key or a key that cannot sign evidence, 409 for a key another region
     * registered. Once a region has keys, agreements-service refuses its signatures without a JWS by one of them.
     */
    @PutMapping("/{code}/keys")
    @Operation(operationId = "replaceRegionKeys", summary = "Replace a region's signing keys",
            description = "Replaces the region's JWK set with public ES256 (P-256) and EdDSA (Ed25519) keys, at most "
                    + "10, each with its own `kid`; an empty set returns the region to bearer-token signatures. "
                    + "Publishes `concord.region.updated` with the keys. Once a region has keys, agreements-service "
                    + "refuses its signatures without a JWS by one of them. A signatory replaces only its own "
                    + "region's keys.")
    @ApiResponse(responseCode = "200", description = "The region's new JWK set", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    @ApiResponse(responseCode = "409", description = "A key of the set is registered by another region")
    @ApiResponse(responseCode = "422", description = "A key is private, of another algorithm, without a kid, or a "
            + "kid repeats; or the set has more than 10 keys")
    @NeedsRole({ Roles.ADMIN, Roles.SIGNATORY })
    public Mono<ResponseEntity<Map<String, Object>>> replaceKeys(
            @Parameter(description = CODE, example = "CN-YN") @PathVariable String code,
            @Parameter(required = true) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody KeySetRequest request) {
        return Actor.current()
                .flatMap(actor -> service.replaceKeys(code, ETags.expected(ifMatch), request.toJson(),
                        new KeyRegistrant(actor.subject(), actor.hasRole(Roles.ADMIN),
                                actor.hasRole(Roles.SIGNATORY) ? actor.region() : null)))
                .map(region -> keysOf(ResponseEntity.ok(), region));
    }

    private static ResponseEntity<Map<String, Object>> keysOf(ResponseEntity.BodyBuilder response, Region region) {
        return response.eTag(ETags.of(region.version())).body(region.keys().keys().toJson());
    }

    /** Body of PUT /api/regions/{code}/keys: a JWK set (RFC 7517), {@code {"keys": [{"kty": ..., "kid": ...}]}}. */
    public record KeySetRequest(List<Map<String, Object>> keys) {

        Map<String, Object> toJson() {
            if (keys == null) {
                throw new InvalidRegion("a key set is {\"keys\": [...]}: keys is missing");
            }
            var json = new LinkedHashMap<String, Object>();
            json.put("keys", new ArrayList<Object>(keys));
            return json;
        }
    }

    /** Deactivates a region; the region stays readable. Idempotent: a second call changes nothing. */
    @DeleteMapping("/{code}")
    @Operation(operationId = "deactivateRegion", summary = "Deactivate a region",
            description = "Marks the region inactive and publishes `concord.region.deactivated`: it can no longer be "
                    + "party to a new agreement, and stays readable. Doing it again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The region, inactive", headers = @Header(name = ApiParts.ETAG))
    @ApiResponse(responseCode = "404", description = "No region with this code in the registry")
    @NeedsRole(Roles.ADMIN)
    public Mono<ResponseEntity<RegionResponse>> deactivate(@Parameter(description = CODE, example = "CN-XZ") @PathVariable String code) {
        return service.deactivate(code).map(region -> withETag(ResponseEntity.ok(), region));
    }

    private static ResponseEntity<RegionResponse> withETag(ResponseEntity.BodyBuilder response, Region region) {
        return response.eTag(ETags.of(region.version())).body(RegionResponse.of(region));
    }

    /** A region as the API shows it; the same fields as the regions events carry ({@code keys}: its JWK set). */
    @Schema(description = "A region as the registry knows it; the same fields as the regions.v1 events carry")
    public record RegionResponse(String code, String name, String nativeName, RegionType type, String country,
            String capital, String signingAuthority, String contactEmail, boolean active, Map<String, Object> keys,
            long version) {

        static RegionResponse of(Region region) {
            RegionDetails d = region.details();
            return new RegionResponse(region.code().value(), d.name(), d.nativeName(), d.type(), region.country(),
                    d.capital(), d.signingAuthority(), d.contactEmail(), region.active(), region.keys().keys().toJson(),
                    region.version());
        }
    }

    /** Body of POST /api/regions. {@code country} may be given; it must then match the code. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(description = "A region to register; `country`, when given, must be the code's", requiredProperties = { "code", "name", "type" })
    public record RegisterRegionRequest(String code, String name, String nativeName,
            @Schema(implementation = RegionType.class) String type, String country,
            String capital, String signingAuthority, String contactEmail) {

        RegionDetails details() {
            RegionCode parsed = RegionCode.of(code);
            requireCountryOf(parsed, country);
            return new RegionDetails(name, nativeName, RegionType.parse(type), capital, signingAuthority, contactEmail);
        }
    }

    /** Body of PUT /api/regions/{code}: the full set of details; server-owned fields are not taken from it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(description = "A region's details, all of them; `code` and `country`, when given, must be the path's",
            requiredProperties = { "name", "type" })
    public record UpdateRegionRequest(String code, String name, String nativeName,
            @Schema(implementation = RegionType.class) String type, String country,
            String capital, String signingAuthority, String contactEmail) {

        RegionDetails details(String pathCode) {
            if (code != null && !code.equals(pathCode)) {
                throw new InvalidRegion("the code of a region cannot change (body says '" + code
                        + "', path says '" + pathCode + "'); register a new region instead");
            }
            if (country != null && pathCode.length() >= 2 && !country.equals(pathCode.substring(0, 2))) {
                throw new InvalidRegion("country follows from the code: '" + pathCode + "' is in "
                        + pathCode.substring(0, 2) + ", not " + country);
            }
            return new RegionDetails(name, nativeName, RegionType.parse(type), capital, signingAuthority, contactEmail);
        }
    }

    private static void requireCountryOf(RegionCode code, String country) {
        if (country != null && !country.equals(code.country())) {
            throw new InvalidRegion("country follows from the code: '" + code + "' is in " + code.country()
                    + ", not " + country);
        }
    }
}
