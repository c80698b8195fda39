package org.concord.platform.security;

import java.util.List;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Who is making the current request, from the verified bearer token: its subject, roles and, for a
 * signatory, the region it acts for.
 */
public record Actor(String subject, List<String> roles, String region) {

    public static final Actor ANONYMOUS = new Actor("anonymous", List.of(), null);

    public static Mono<Actor> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(authentication -> from(((JwtAuthenticationToken) authentication).getToken()))
                .defaultIfEmpty(ANONYMOUS);
    }

    static Actor from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Actor(jwt.getSubject(), roles == null ? List.of() : List.copyOf(roles),
                jwt.getClaimAsString(Roles.REGION_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True if this actor may sign on behalf of {@code region}. */
    public boolean signsFor(String region) {
        return hasRole(Roles.SIGNATORY) && region != null && region.equals(this.region);
    }
}
