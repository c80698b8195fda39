package org.concord.gateway.routing;

import org.concord.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Three routes per service of {@code concord.gateway.services}: its paths, forwarded unchanged (the bearer token, the
 * live feed's {@code access_token} and {@code Last-Event-ID} with them); its OpenAPI document at
 * {@code /api-docs/<service>}, whose "Try it out" then goes through the gateway too; and its dead letters at
 * {@code /api/admin/dead-letters/<service>/**} (every service has them at {@code /api/admin/dead-letters/**}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    private static final Logger log = LoggerFactory.getLogger(ServiceRoutes.class);

    static final String API_DOCS = "/api-docs/";
    static final String DEAD_LETTERS = "/api/admin/dead-letters";

    @Bean
    RouteLocator concordRoutes(RouteLocatorBuilder builder, GatewayProperties gateway) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        gateway.services().forEach((name, service) -> log.info("{} -> {} ({}), its OpenAPI document at {}{}",
                service.paths(), service.uri(), name, API_DOCS, name));
        gateway.services().forEach((name, service) -> routes
                .route(name, route -> route.path(service.paths().toArray(String[]::new)).uri(service.uri()))
                .route(name + "-api-docs", route -> route.path(API_DOCS + name)
                        .filters(filters -> filters.setPath("/v3/api-docs")
                                .modifyResponseBody(String.class, String.class,
                                        (exchange, document) -> Mono.justOrEmpty(OpenApiDocuments.servedByGateway(document))))
                        .uri(service.uri()))
                .route(name + "-dead-letters", route -> route
                        .path(DEAD_LETTERS + "/" + name, DEAD_LETTERS + "/" + name + "/**")
                        .filters(filters -> filters.rewritePath(DEAD_LETTERS + "/" + name + "(?<rest>/?.*)", DEAD_LETTERS + "${rest}"))
                        .uri(service.uri())));
        return routes.build();
    }
}
