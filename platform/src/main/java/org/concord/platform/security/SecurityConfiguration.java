package org.concord.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every service is an OAuth2 resource server: bearer JWTs signed with RS256 (pinned), {@code exp} required,
 * issuer and audience checked. Health is public; other actuator endpoints need {@code admin} (on a management port of
 * their own, {@code CONCORD_MANAGEMENT_PORT}, they are open: that port is for the internal network only); operators'
 * endpoints ({@code /api/admin/**}) need {@code admin}; API reads need
 * any valid token; the service's {@link AccessRules} say who may change what, and anything they do not name
 * needs {@code admin}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    /**
     * The management port (when {@code CONCORD_MANAGEMENT_PORT} gives the actuator one) is open: it is meant for the
     * internal network only (Prometheus, health checks), where no bearer token is at hand. Without one, the actuator
     * shares the API's port and the rules below apply to it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain managementPort(ServerHttpSecurity http, Environment environment) {
        ManagementPort managementPort = new ManagementPort(environment);
        return http.securityMatcher(exchange -> managementPort.received(exchange)
                        ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    SecurityWebFilterChain concordSecurity(ServerHttpSecurity http, SecurityProperties properties,
            ObjectProvider<AccessRules> serviceRules, ObjectProvider<ReactiveJwtDecoder> decoder) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable);
        if (!properties.enabled()) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
        }
        return http
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                            .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                            .pathMatchers("/actuator/**").hasRole(Roles.ADMIN)
                            .pathMatchers("/api/admin/**").hasRole(Roles.ADMIN);
                    serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
                    exchanges.pathMatchers(HttpMethod.GET, "/api/**").authenticated()
                            .anyExchange().hasRole(Roles.ADMIN);
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(bearerTokens(properties))
                        .jwt(jwt -> jwt.jwtDecoder(decoder.getObject()).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    private static final int VERIFIED_TOKENS_KEPT = 4096;
    private static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(5);

    @Bean
    @ConditionalOnProperty(name = "concord.security.enabled", havingValue = "true")
    ReactiveJwtDecoder concordJwtDecoder(SecurityProperties properties) throws Exception {
        NimbusReactiveJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, VERIFIED_TOKENS_KEPT, VERIFIED_TOKENS_KEPT_FOR, Clock.systemUTC());
    }

    /** Tokens from the Authorization header; on the configured paths also from {@code ?access_token=}. */
    private static ServerAuthenticationConverter bearerTokens(SecurityProperties properties) {
        var header = new ServerBearerTokenAuthenticationConverter();
        var headerOrQuery = new ServerBearerTokenAuthenticationConverter();
        headerOrQuery.setAllowUriQueryParameter(true);
        List<String> paths = properties.queryTokenPaths() == null ? List.of() : properties.queryTokenPaths();
        return exchange -> paths.contains(exchange.getRequest().getPath().value())
                ? headerOrQuery.convert(exchange)
                : header.convert(exchange);
    }

    static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience()))));
    }

    private static ReactiveJwtAuthenticationConverterAdapter roles() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            return roles == null ? List.of()
                    : roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static RSAPublicKey publicKey(SecurityProperties properties) throws Exception {
        Resource key = properties.publicKey() == null || properties.publicKey().isBlank() ? null
                : new DefaultResourceLoader().getResource(properties.publicKey());
        if (key == null || !key.exists()) {
            throw new org.concord.platform.startup.StartupCheckFailed(key == null
                    ? "no token verification key configured (security is on)"
                    : "no token verification key: concord.security.public-key " + properties.publicKey() + " does not exist",
                    "Set CONCORD_SECURITY_JWK_SET_URI to your issuer's JWKS endpoint, or CONCORD_SECURITY_PUBLIC_KEY to a PEM file.");
        }
        String pem = key.getContentAsString(java.nio.charset.StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
