package org.concord.notifications.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The SSRF guard: resolves a webhook host once, checks every address against the {@link DestinationPolicy},
 * and hands back the checked addresses, which are the ones connected to. Used when a subscription is created
 * and, through {@link GuardedAddressResolverGroup}, by the HTTP client for every delivery.
 */
public class DestinationGuard {

    private final DestinationPolicy policy;
    private final HostResolver resolver;

    public DestinationGuard(DestinationPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** Completes when the URL may receive webhooks; errors with {@link ForbiddenDestination} otherwise. */
    public Mono<Void> check(URI url) {
        Optional<String> refusal = policy.refusalOfUrl(url);
        if (refusal.isPresent()) {
            return Mono.error(new ForbiddenDestination(refusal.get()));
        }
        return resolveChecked(url.getHost()).then();
    }

    /**
     * The addresses of a host, all of them checked. An IP literal is checked as it is; a name is resolved
     * (off the event loop) and every address it resolves to is checked.
     */
    public Mono<List<InetAddress>> resolveChecked(String host) {
        Optional<InetAddress> literal = DestinationPolicy.literalAddress(host);
        if (literal.isPresent()) {
            return checked(host, List.of(literal.get()));
        }
        return Mono.fromCallable(() -> resolve(host))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(addresses -> checked(host, addresses));
    }

    private List<InetAddress> resolve(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ForbiddenDestination("host '" + host + "' cannot be resolved");
        }
    }

    private Mono<List<InetAddress>> checked(String host, List<InetAddress> addresses) {
        return policy.refusalOfAddresses(host, addresses)
                .<Mono<List<InetAddress>>>map(reason -> Mono.error(new ForbiddenDestination(reason)))
                .orElseGet(() -> Mono.just(addresses));
    }

    public DestinationPolicy policy() {
        return policy;
    }
}
