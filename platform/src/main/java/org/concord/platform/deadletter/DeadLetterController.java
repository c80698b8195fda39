package org.concord.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.concord.platform.openapi.NeedsRole;
import org.concord.platform.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The service's dead letters for operators (admin only): list them, read one, replay one to its consumer. A record
 * is addressed as {@code <dead-letter topic>/<partition>/<offset>}.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Dead letters")
@NeedsRole(Roles.ADMIN)
public class DeadLetterController {

    private static final String TOPIC = "The dead-letter topic, as the listing names it";
    private static final String PARTITION = "The record's partition in the dead-letter topic";
    private static final String OFFSET = "The record's offset in its partition";
    private static final String NOT_FOUND = "The service has no such dead-letter topic, or no record there";

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "List the service's dead letters",
            description = "Every record in the service's dead-letter topics: the consumer that gave it "
                    + "up, its ce_id and type, why it failed and where it came from.")
    @ApiResponse(responseCode = "200", description = "The dead letters, per topic")
    public Mono<DeadLetter.Listing> list() {
        return deadLetters.list();
    }

    @GetMapping("/{topic}/{partition}/{offset}")
    @Operation(operationId = "getDeadLetter", summary = "Read one dead letter",
            description = "The record as it was dead-lettered: its headers, its value and the failure that put it "
                    + "there.")
    @ApiResponse(responseCode = "200", description = "The dead letter")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    public Mono<DeadLetter.Detail> get(@Parameter(description = TOPIC) @PathVariable String topic,
            @Parameter(description = PARTITION) @PathVariable int partition,
            @Parameter(description = OFFSET) @PathVariable long offset) {
        return deadLetters.find(topic, partition, offset);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter to its consumer",
            description = "Hands the record to the consumer that gave it up, in this instance. The consumer is "
                    + "idempotent by ce_id: a record already applied changes nothing and is reported as such.")
    @ApiResponse(responseCode = "200", description = "What the consumer did with the record")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "No consumer for the record runs in this instance")
    @ApiResponse(responseCode = "422", description = "The consumer still cannot process the record; it stays "
            + "dead-lettered")
    public Mono<DeadLetter.Replay> replay(@Parameter(description = TOPIC) @PathVariable String topic,
            @Parameter(description = PARTITION) @PathVariable int partition,
            @Parameter(description = OFFSET) @PathVariable long offset) {
        return deadLetters.replay(topic, partition, offset);
    }
}
