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
public class RegionController {

    private final RegionService service;
    private final IdempotentRequests idempotency;

    public RegionController(RegionService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    /** Lists regions by code, narrowed by type, country and free text over code, name and native name; paged. */
    @GetMapping
    public Mono<Page<RegionResponse>> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Mono.fromCallable(() -> RegionFilter.of(type, country, q))
                .zipWith(Mono.fromCallable(() -> PageQuery.of(page, size)))
                .flatMap(t -> service.list(t.getT1(), t.getT2()))
                .map(result -> result.map(RegionResponse::of));
    }

    @GetMapping("/{code}")
    public Mono<ResponseEntity<RegionResponse>> get(@PathVariable String code) {
        return service.get(code).map(region -> withETag(ResponseEntity.ok(), region));
    }

    /**
     * Registers a region: 201 with its location; 409 if the code is taken, 422 if a rule is broken. With an
     * {@code Idempotency-Key}, the same request again gets the first response again.
     */
    @PostMapping
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
    public Mono<ResponseEntity<RegionResponse>> update(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UpdateRegionRequest request) {
        return Mono.fromCallable(() -> request.details(code))
                .flatMap(details -> service.update(code, ETags.expected(ifMatch), details))
                .map(region -> withETag(ResponseEntity.ok(), region));
    }

    /** The public keys the region's signatories sign with (a JWK set, empty when none), with the region's ETag. */
    @GetMapping("/{code}/keys")
    public Mono<ResponseEntity<Map<String, Object>>> keys(@PathVariable String code) {
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
    public Mono<ResponseEntity<Map<String, Object>>> replaceKeys(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
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
    public Mono<ResponseEntity<RegionResponse>> deactivate(@PathVariable String code) {
        return service.deactivate(code).map(region -> withETag(ResponseEntity.ok(), region));
    }

    private static ResponseEntity<RegionResponse> withETag(ResponseEntity.BodyBuilder response, Region region) {
        return response.eTag(ETags.of(region.version())).body(RegionResponse.of(region));
    }

    /** A region as the API shows it; the same fields as the regions events carry ({@code keys}: its JWK set). */
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
    public record RegisterRegionRequest(String code, String name, String nativeName, String type, String country,
            String capital, String signingAuthority, String contactEmail) {

        RegionDetails details() {
            RegionCode parsed = RegionCode.of(code);
            requireCountryOf(parsed, country);
            return new RegionDetails(name, nativeName, RegionType.parse(type), capital, signingAuthority, contactEmail);
        }
    }

    /** Body of PUT /api/regions/{code}: the full set of details; server-owned fields are not taken from it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UpdateRegionRequest(String code, String name, String nativeName, String type, String country,
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
