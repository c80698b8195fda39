package org.concord.agreements.agreement.application;

import java.util.Collection;

import org.concord.agreements.agreement.domain.RegionCode;
import org.concord.agreements.agreement.domain.RegionDirectory;
import reactor.core.publisher.Mono;

/** Where the agreement use cases learn the standing of the regions a step names: this service's own replica. */
public interface KnownRegions {

    Mono<RegionDirectory> directoryFor(Collection<RegionCode> codes);
}
