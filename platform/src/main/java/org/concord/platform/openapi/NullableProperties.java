package org.concord.platform.openapi;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Says, the OpenAPI 3.1 way, which properties may be {@code null}: every property of a reference type (the services
 * write every property, a missing value as {@code null}; a request may send {@code null} or leave it out), unless it
 * is a primitive or declared not null ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}).
 */
public class NullableProperties implements PropertyCustomizer {

    private static final List<Class<? extends Annotation>> NOT_NULL = List.of(NotNull.class, NotBlank.class, NotEmpty.class);

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null) {
            return null;
        }
        if (property.getItems() != null) {
            // the items of a list are never null (they are resolved as properties too, and come here first)
            property.setItems(notNull(property.getItems()));
        }
        if (primitive(type) || declaredNotNull(type)) {
            return property;
        }
        if (property.get$ref() != null) {
            return new Schema().anyOf(List.of(new Schema().$ref(property.get$ref()), nullType()))
                    .description(property.getDescription());
        }
        if (property.getTypes() == null || property.getTypes().isEmpty() || property.getTypes().contains("null")) {
            return property;
        }
        Set<String> types = new LinkedHashSet<>(property.getTypes());
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Schema notNull(Schema schema) {
        if (schema.getAnyOf() != null && schema.getAnyOf().size() == 2 && ((Schema) schema.getAnyOf().get(0)).get$ref() != null) {
            return new Schema().$ref(((Schema) schema.getAnyOf().get(0)).get$ref());
        }
        if (schema.getTypes() != null && schema.getTypes().contains("null")) {
            Set<String> types = new LinkedHashSet<>(schema.getTypes());
            types.remove("null");
            schema.setTypes(types);
            if (schema.getEnum() != null) {
                List values = new ArrayList<>(schema.getEnum());
                values.remove(null);
                schema.setEnum(values);
            }
        }
        return schema;
    }

    private static Schema<?> nullType() {
        return new Schema<>().types(new LinkedHashSet<>(List.of("null")));
    }

    private static boolean primitive(AnnotatedType type) {
        return type.getType() != null && Json.mapper().constructType(type.getType()).isPrimitive();
    }

    private static boolean declaredNotNull(AnnotatedType type) {
        if (type.getCtxAnnotations() == null) {
            return false;
        }
        for (Annotation annotation : type.getCtxAnnotations()) {
            if (NOT_NULL.stream().anyMatch(notNull -> notNull.isInstance(annotation))) {
                return true;
            }
        }
        return false;
    }
}
