package org.concord.notifications.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import io.netty.resolver.AbstractAddressResolver;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * The HTTP client's name resolution, through the {@link DestinationGuard}: a host is resolved once, every
 * address is checked, and the connection goes to a checked address. A name that resolved to a public address
 * when the subscription was created and to a private one now (DNS rebinding) is refused before connecting.
 * IP literals never reach a resolver in Reactor Netty; {@link WebhookClient} checks those itself.
 */
final class GuardedAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private final DestinationGuard guard;

    GuardedAddressResolverGroup(DestinationGuard guard) {
        this.guard = guard;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new AbstractAddressResolver<>(executor, InetSocketAddress.class) {

            @Override
            protected boolean doIsResolved(InetSocketAddress address) {
                return !address.isUnresolved();
            }

            @Override
            protected void doResolve(InetSocketAddress unresolved, Promise<InetSocketAddress> promise) {
                guard.resolveChecked(unresolved.getHostString()).subscribe(
                        addresses -> promise.trySuccess(socketAddress(addresses.get(0), unresolved)),
                        promise::tryFailure);
            }

            @Override
            protected void doResolveAll(InetSocketAddress unresolved, Promise<List<InetSocketAddress>> promise) {
                guard.resolveChecked(unresolved.getHostString()).subscribe(
                        addresses -> promise.trySuccess(addresses.stream()
                                .map(address -> socketAddress(address, unresolved))
                                .toList()),
                        promise::tryFailure);
            }
        };
    }

    private static InetSocketAddress socketAddress(InetAddress address, InetSocketAddress unresolved) {
        return new InetSocketAddress(address, unresolved.getPort());
    }
}
