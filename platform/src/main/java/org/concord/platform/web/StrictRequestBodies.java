package org.concord.platform.web;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every service reads request bodies: strictly. A property the request does not define is refused with a
 * 400 naming it, so a client cannot believe it set a server-owned field (an id, a status, a version, a content
 * hash, signatures) or mistype a field and have it silently ignored; and a value of the wrong JSON type is refused
 * too (a number is not a string, a string not a number or a boolean, an enum is named, not numbered). Events read
 * from Kafka keep the tolerant mapper: consumers ignore properties they do not know.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class StrictRequestBodies implements CodecCustomizer {

    private final JsonMapper strict;

    public StrictRequestBodies(JsonMapper json) {
        this.strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
    }

    /** The mapper request bodies are read with (also for merge patches, which are decoded by hand). */
    public JsonMapper mapper() {
        return strict;
    }

    @Override
    public void customize(org.springframework.http.codec.CodecConfigurer configurer) {
        configurer.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(strict));
    }
}
