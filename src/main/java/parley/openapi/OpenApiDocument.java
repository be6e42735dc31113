package parley.openapi;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.inject.Singleton;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document of the service, built from the router: every route's path, method,
 * path and query parameters, body, and the record it answers with (schemas from the records'
 * components), with summaries from {@code @Operation}. Built once, on first request.
 */
@Singleton
final class OpenApiDocument {

    private final Router router;
    private volatile Map<String, Object> document;

    OpenApiDocument(Router router) {
        this.router = router;
    }

    Map<String, Object> get() {
        Map<String, Object> d = document;
        if (d == null) {
            d = build();
            document = d;
        }
        return d;
    }

    private Map<String, Object> build() {
        Map<String, Object> schemas = new TreeMap<>();
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api")
                        || r.getUriMatchTemplate().toString().equals("/health"))
                .forEach(route -> paths.computeIfAbsent(
                                route.getUriMatchTemplate().toString(), k -> new TreeMap<>())
                        .put(route.getHttpMethod().name().toLowerCase(), operation(route, schemas)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put(
                "info",
                Map.of(
                        "title", "parley",
                        "version", "0.1.0",
                        "description",
                                "Who met whom, who demands what of whom, who claims and who denies: a graph of "
                                        + "news reporting on the late-2025 US–Russia–Ukraine peace talks. Every fact names its source "
                                        + "and the sentence it rests on."));
        doc.put("paths", paths);
        doc.put(
                "components",
                Map.of(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of("apiToken", Map.of("type", "http", "scheme", "bearer"))));
        return doc;
    }

    private Map<String, Object> operation(UriRouteInfo<?, ?> route, Map<String, Object> schemas) {
        MethodExecutionHandle<?, ?> handle = route.getTargetMethod();
        AnnotationMetadata meta = handle.getAnnotationMetadata();
        Map<String, Object> op = new LinkedHashMap<>();
        String controller = handle.getDeclaringType().getSimpleName().replace("Controller", "");
        op.put(
                "operationId",
                Character.toLowerCase(controller.charAt(0)) + controller.substring(1) + "." + handle.getMethodName());
        op.put("tags", List.of(controller));
        meta.stringValue(Operation.class, "summary").ifPresent(s -> op.put("summary", s));
        meta.stringValue(Operation.class, "description").ifPresent(s -> op.put("description", s));
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Argument<?> argument : handle.getArguments()) {
            AnnotationMetadata a = argument.getAnnotationMetadata();
            if (HttpRequest.class.isAssignableFrom(argument.getType())) {
                continue;
            }
            if (a.hasAnnotation(Body.class)) {
                op.put(
                        "requestBody",
                        Map.of(
                                "required",
                                true,
                                "content",
                                Map.of(
                                        "application/json",
                                        Map.of(
                                                "schema",
                                                schema(argument.getType(), argument.getType(), Map.of(), schemas)))));
                continue;
            }
            boolean path = a.hasAnnotation(PathVariable.class);
            if (!path && !a.hasAnnotation(QueryValue.class)) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", argument.getName());
            p.put("in", path ? "path" : "query");
            p.put("required", path);
            a.stringValue(Parameter.class, "description").ifPresent(s -> p.put("description", s));
            p.put("schema", schema(argument.getType(), argument.getType(), Map.of(), schemas));
            parameters.add(p);
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        Argument<?> returned = handle.getReturnType().asArgument();
        if (HttpResponse.class.isAssignableFrom(returned.getType()) && returned.getTypeParameters().length == 1) {
            returned = returned.getTypeParameters()[0];
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        String ok = route.getHttpMethod().name().equals("POST")
                        && handle.getMethodName().equals("load")
                ? "201"
                : "200";
        responses.put(
                ok,
                Map.of(
                        "description",
                        "OK",
                        "content",
                        Map.of("application/json", Map.of("schema", schema(returned, schemas)))));
        Map<String, Object> error = Map.of(
                "content",
                Map.of(
                        "application/json",
                        Map.of(
                                "schema",
                                schema(
                                        parley.errors.ApiError.class,
                                        parley.errors.ApiError.class,
                                        Map.of(),
                                        schemas))));
        responses.put("400", with(error, "A parameter or the body is not valid; the body names it"));
        if (route.getUriMatchTemplate().getVariableNames().contains("id")) {
            responses.put("404", with(error, "No such id"));
        }
        responses.put("503", with(error, "The database is unavailable"));
        op.put("responses", responses);
        return op;
    }

    /** The schema of a return type, with its generic arguments bound (Page of what). */
    private Map<String, Object> schema(Argument<?> argument, Map<String, Object> schemas) {
        Map<String, Type> bindings = new HashMap<>();
        TypeVariable<?>[] variables = argument.getType().getTypeParameters();
        Argument<?>[] actual = argument.getTypeParameters();
        if (variables.length == 0 || actual.length == 0) {
            return schema(argument.getType(), argument.getType(), Map.of(), schemas);
        }
        Type[] arguments = new Type[variables.length];
        for (int i = 0; i < variables.length && i < actual.length; i++) {
            bindings.put(variables[i].getName(), actual[i].getType());
            arguments[i] = actual[i].getType();
        }
        return schema(argument.getType(), new Bound(argument.getType(), arguments), bindings, schemas);
    }

    /** A generic type with its arguments, as reflection would describe a declared one. */
    private record Bound(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments;
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    }

    /** JSON Schema of a Java type; records become components, generic ones named after their arguments. */
    private Map<String, Object> schema(
            Class<?> raw, Type type, Map<String, Type> bindings, Map<String, Object> schemas) {
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable.getName());
            return bound == null ? Map.of() : schema(raw(bound), bound, bindings, schemas);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> rawType = raw(parameterized);
            Type[] args = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(rawType)) {
                return Map.of("type", "array", "items", schema(raw(args[0]), args[0], bindings, schemas));
            }
            if (Map.class.isAssignableFrom(rawType)) {
                return Map.of(
                        "type", "object", "additionalProperties", schema(raw(args[1]), args[1], bindings, schemas));
            }
            if (rawType.isRecord()) {
                Map<String, Type> inner = new HashMap<>();
                TypeVariable<?>[] variables = rawType.getTypeParameters();
                StringBuilder name = new StringBuilder(componentName(rawType));
                for (int i = 0; i < variables.length; i++) {
                    Type bound = args[i] instanceof TypeVariable<?> v && bindings.containsKey(v.getName())
                            ? bindings.get(v.getName())
                            : args[i];
                    inner.put(variables[i].getName(), bound);
                    name.append("Of").append(componentName(raw(bound)));
                }
                return record(rawType, name.toString(), inner, schemas);
            }
            return schema(rawType, rawType, bindings, schemas);
        }
        Class<?> c = type instanceof Class<?> k ? k : raw;
        if (c == String.class || CharSequence.class.isAssignableFrom(c)) {
            return Map.of("type", "string");
        }
        if (c == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return Map.of("type", "integer");
        }
        if (c == double.class
                || c == Double.class
                || c == float.class
                || c == Float.class
                || Number.class.isAssignableFrom(c)) {
            return Map.of("type", "number");
        }
        if (c == boolean.class || c == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (c == byte[].class) {
            return Map.of("type", "string", "format", "binary");
        }
        if (Collection.class.isAssignableFrom(c)) {
            return Map.of("type", "array", "items", Map.of());
        }
        if (Map.class.isAssignableFrom(c)) {
            return Map.of("type", "object");
        }
        if (c.isRecord()) {
            return record(c, componentName(c), Map.of(), schemas);
        }
        return Map.of();
    }

    private Map<String, Object> record(
            Class<?> type, String name, Map<String, Type> bindings, Map<String, Object> schemas) {
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.put(
                        component.getName(),
                        schema(component.getType(), component.getGenericType(), bindings, schemas));
                if (component.getType().isPrimitive()) {
                    required.add(component.getName());
                }
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            schemas.put(name, schema);
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static String componentName(Class<?> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer == null || outer.getSimpleName().endsWith("Controller")
                ? type.getSimpleName()
                : outer.getSimpleName() + type.getSimpleName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Map<String, Object> with(Map<String, Object> response, String description) {
        Map<String, Object> r = new LinkedHashMap<>(response);
        r.put("description", description);
        return r;
    }
}
