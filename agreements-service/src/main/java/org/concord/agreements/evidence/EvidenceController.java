package org.concord.agreements.evidence;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.concord.agreements.evidence.application.EvidenceService;
import org.concord.agreements.evidence.application.ServiceKey;
import org.concord.evidence.Json;
import org.concord.platform.openapi.Public;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The evidence of a signing over HTTP: an agreement's evidence bundle (format {@code concord-evidence/2},
 * docs/evidence.md), which anyone can check offline with {@code ./concord verify}, and the public key set its
 * checkpoints are signed with. The bundle is written by the evidence library itself, byte for byte as it is
 * specified, not through the service's JSON mapper.
 */
@RestController
public class EvidenceController {

    private final EvidenceService evidence;
    private final ServiceKey serviceKey;

    public EvidenceController(EvidenceService evidence, ServiceKey serviceKey) {
        this.evidence = evidence;
        this.serviceKey = serviceKey;
    }

    /** The agreement's evidence bundle: text, content hash, hash-chained history, signatories' JWS and keys, checkpoint. */
    @GetMapping(path = "/api/agreements/{id}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getAgreementEvidence", summary = "Read an agreement's evidence bundle",
            description = "One JSON document a party can verify offline, without trusting this service "
                    + "(`./concord verify <file>`): the text and its content hash, every version of the text amendments "
                    + "adopted, the hash-chained history, each "
                    + "signatory's JWS with the region keys used, and a checkpoint of the history's head signed with "
                    + "the service's key (see `GET /api/evidence/keys`). The format is docs/evidence.md.")
    @ApiResponse(responseCode = "200", description = "the evidence bundle, format concord-evidence/2 (docs/evidence.md):"
            + " format, agreementId, text, contentHash, versions, history, historyHead, regionKeys, checkpoint, serviceKeys",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "No agreement with this id")
    public Mono<ResponseEntity<String>> bundle(@Parameter(description = "The agreement's id") @PathVariable UUID id) {
        return evidence.bundle(id).map(bundle -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"evidence-" + id + ".json\"")
                .body(bundle.write()));
    }

    /**
     * The JWK set whose key signs the checkpoints (public: a party gets it without a token, to check a bundle against
     * it with {@code ./concord verify --service-keys}).
     */
    @GetMapping(path = "/api/evidence/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getEvidenceKeys", summary = "Read the service's evidence keys",
            description = "The public JWK set (RFC 7517) whose key signs the checkpoints of evidence bundles, for "
                    + "`./concord verify --service-keys`. Public, so a party gets it without a token.")
    @Public
    @ApiResponse(responseCode = "200", description = "the service's public JWK set (RFC 7517): the key evidence"
            + " checkpoints are signed with", content = @Content(mediaType = "application/json",
            schema = @Schema(type = "object")))
    public ResponseEntity<String> keys() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Json.writePretty(serviceKey.publicKeys().toJson()));
    }
}
