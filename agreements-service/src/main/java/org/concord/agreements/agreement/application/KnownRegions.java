package org.concord.agreements.agreement.application;

import java.util.Collection;

import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.RegionDirectory;
import org.concord.agreements.agreement.domain.SigningKeys;
import reactor.core.publisher.Mono;

/**
 * Where the agreement use cases learn about the regions a step names, the standing of each and the keys they sign
 * with: this service's own replica of {@code regions.v1}.
 */
public interface KnownRegions {

    Mono<RegionDirectory> directoryFor(Collection<RegionCode> codes);

    /** The signing keys every region has registered, as last heard. */
    Mono<SigningKeys> signingKeys();

    /** What a signature is checked against: the standing of {@code codes} and every region's keys, read together. */
    Mono<SigningRegions> forSignature(Collection<RegionCode> codes);

    record SigningRegions(RegionDirectory directory, SigningKeys keys) {
    }
}
