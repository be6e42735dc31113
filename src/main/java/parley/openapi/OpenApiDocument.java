package parley.openapi;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.inject.MethodExecutionHandle;
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import parley.api.ParameterChecks;
import parley.errors.ApiError;

/**
 * The OpenAPI 3.1 document of the service, built from Micronaut's router: every route (HEAD and
 * OPTIONS aside, and what is {@link Hidden}) becomes one operation with its path and query
 * parameters, their bounds, patterns and defaults read from the parameters' own annotations
 * ({@code jakarta.validation} constraints, which {@code ParameterChecks} enforces, and
 * {@code @QueryValue(defaultValue)}), its body, the record it answers with (schemas from the
 * records' components, {@code @Nullable} ones nullable) and the statuses it can answer, each
 * error with the {@link ApiError} schema. Writes are those marked
 * {@code @SecurityRequirement(name = "apiToken")}. Built once, on first request.
 *
 * <p>Ours rather than micronaut-openapi's: the registry these machines reach serves no Micronaut
 * 5 build of it.
 */
@Singleton
public final class OpenApiDocument {

    static final String TOKEN_SCHEME = "apiToken";
    private static final Set<HttpMethod> LEFT_OUT = Set.of(HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);
    private static final java.util.regex.Pattern ALTERNATION =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+");
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    private final Router router;
    private final JsonMapper json;
    private volatile Map<String, Object> document;

    OpenApiDocument(Router router, JsonMapper json) {
        this.router = router;
        this.json = json;
    }

    public Map<String, Object> get() {
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
        Map<String, String> tags = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(r -> !LEFT_OUT.contains(r.getHttpMethod()))
                .filter(r -> !r.getTargetMethod().getAnnotationMetadata().hasAnnotation(Hidden.class))
                .sorted(Comparator.comparing((UriRouteInfo<?, ?> r) ->
                                r.getUriMatchTemplate().toString())
                        .thenComparing(r -> r.getHttpMethod().name()))
                .toList();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toString();
            Map<String, Object> operations = paths.computeIfAbsent(path.isEmpty() ? "/" : path, k -> new TreeMap<>());
            String method = route.getHttpMethod().name().toLowerCase(Locale.ROOT);
            if (!operations.containsKey(method)) {
                // The router may hold a route more than once (one per media type it serves): one operation.
                operations.put(method, operation(route, schemas, tags, operationIds));
            }
        }
        schema(ApiError.class, ApiError.class, Map.of(), schemas);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put(
                "info",
                Map.of(
                        "title",
                        "parley",
                        "version",
                        "0.1.0",
                        "license",
                        Map.of("name", "GPL-3.0-or-later", "identifier", "GPL-3.0-or-later"),
                        "description",
                        "Who met whom, who demands what of whom, who claims and who denies: a graph of "
                                + "news reporting on the late-2025 US–Russia–Ukraine peace talks. Every fact names its source "
                                + "and the sentence it rests on. Reads are open; writes need the API token "
                                + "(Authorize, then the token configured as PARLEY_API_TOKEN). Every error "
                                + "answers an ApiError naming what was wrong and where."));
        doc.put("servers", List.of(Map.of("url", "/", "description", "this service")));
        doc.put(
                "tags",
                tags.entrySet().stream()
                        .map(e -> Map.of("name", e.getKey(), "description", e.getValue()))
                        .toList());
        doc.put("paths", paths);
        doc.put(
                "components",
                Map.of(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of(
                                TOKEN_SCHEME,
                                Map.of(
                                        "type",
                                        "http",
                                        "scheme",
                                        "bearer",
                                        "description",
                                        "The server's PARLEY_API_TOKEN, sent as 'Authorization: Bearer <token>'."))));
        return doc;
    }

    private Map<String, Object> operation(
            UriRouteInfo<?, ?> route, Map<String, Object> schemas, Map<String, String> tags, Set<String> ids) {
        MethodExecutionHandle<?, ?> handle = route.getTargetMethod();
        AnnotationMetadata meta = handle.getAnnotationMetadata();
        Map<String, Object> op = new LinkedHashMap<>();
        Class<?> controllerType = handle.getDeclaringType();
        String controller = controllerType.getSimpleName().replace("Controller", "");
        String tag = meta.stringValue(Tag.class, "name").orElse(controller);
        tags.putIfAbsent(
                tag,
                meta.stringValue(Tag.class, "description")
                        .orElse("Operations under "
                                + meta.stringValue(Controller.class)
                                        .filter(s -> !s.isEmpty())
                                        .orElse("/")));
        op.put("tags", List.of(tag));
        op.put("operationId", operationId(meta, controller, handle.getMethodName(), ids));
        op.put(
                "summary",
                meta.stringValue(Operation.class, "summary")
                        .orElse(route.getHttpMethod() + " " + route.getUriMatchTemplate()));
        meta.stringValue(Operation.class, "description").ifPresent(s -> op.put("description", s));

        List<Map<String, Object>> parameters = new ArrayList<>();
        boolean hasBody = false;
        for (Argument<?> argument : handle.getArguments()) {
            AnnotationMetadata a = argument.getAnnotationMetadata();
            if (HttpRequest.class.isAssignableFrom(argument.getType())) {
                continue;
            }
            if (a.hasAnnotation(Body.class)) {
                hasBody = true;
                op.put("requestBody", requestBody(meta, argument, schemas));
                continue;
            }
            boolean path = a.hasAnnotation(PathVariable.class);
            if (!path && !a.hasAnnotation(QueryValue.class)) {
                continue;
            }
            parameters.add(parameter(argument, path));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }

        boolean secured = meta.getAnnotationValuesByType(SecurityRequirement.class).stream()
                .anyMatch(s -> s.stringValue("name").orElse("").equals(TOKEN_SCHEME));
        op.put("security", secured ? List.of(Map.of(TOKEN_SCHEME, List.of())) : List.of());
        op.put("responses", responses(route, meta, schemas, !parameters.isEmpty() || hasBody, secured));
        return op;
    }

    private static String operationId(AnnotationMetadata meta, String controller, String method, Set<String> ids) {
        String id = meta.stringValue(Operation.class, "operationId")
                .filter(s -> !s.isBlank())
                .orElse(Character.toLowerCase(controller.charAt(0))
                        + controller.substring(1)
                        + Character.toUpperCase(method.charAt(0))
                        + method.substring(1));
        String unique = id;
        for (int i = 2; !ids.add(unique); i++) {
            unique = id + i;
        }
        return unique;
    }

    /** A path or query parameter with the bounds, pattern and default its annotations give it. */
    private Map<String, Object> parameter(Argument<?> argument, boolean path) {
        AnnotationMetadata a = argument.getAnnotationMetadata();
        String name = ParameterChecks.name(argument);
        Map<String, Object> schema = new LinkedHashMap<>(parameterSchema(argument.getType()));
        a.longValue(Min.class, "value").ifPresent(v -> schema.put("minimum", v));
        a.longValue(Max.class, "value").ifPresent(v -> schema.put("maximum", v));
        if (a.hasAnnotation(Positive.class)) {
            schema.put("minimum", 1);
        }
        if (a.hasAnnotation(PositiveOrZero.class)) {
            schema.put("minimum", 0);
        }
        a.intValue(Size.class, "min").ifPresent(v -> schema.put("minLength", v));
        a.intValue(Size.class, "max").ifPresent(v -> schema.put("maxLength", v));
        if (a.hasAnnotation(NotBlank.class)) {
            schema.put("minLength", 1);
        }
        a.stringValue(Pattern.class, "regexp").ifPresent(regexp -> {
            if (ALTERNATION.matcher(regexp).matches()) {
                schema.put("enum", List.of(regexp.split("\\|")));
            } else {
                schema.put("pattern", "^(?:" + regexp + ")$");
            }
        });
        Optional<String> defaultValue =
                a.stringValue(QueryValue.class, "defaultValue").filter(s -> !s.isEmpty());
        defaultValue.ifPresent(v -> schema.put("default", typed(v, argument.getType())));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", path ? "path" : "query");
        p.put(
                "required",
                path || (!argument.isNullable() && defaultValue.isEmpty()) || a.hasAnnotation(NotBlank.class));
        a.stringValue(Parameter.class, "description").ifPresent(s -> p.put("description", s));
        a.stringValue(Parameter.class, "example").ifPresent(s -> p.put("example", typed(s, argument.getType())));
        p.put("schema", schema);
        return p;
    }

    private static Map<String, Object> parameterSchema(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (type == long.class || type == Long.class) {
            return Map.of("type", "integer", "format", "int64");
        }
        if (type == boolean.class || type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type == LocalDate.class) {
            return Map.of("type", "string", "format", "date");
        }
        if (type.isEnum()) {
            return Map.of(
                    "type",
                    "string",
                    "enum",
                    java.util.Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .toList());
        }
        return Map.of("type", "string");
    }

    private static Object typed(String value, Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Long.parseLong(value);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    /**
     * The body: the argument's type, or what {@code @RequestBody} says. A schema {@code ref} that is
     * not a {@code #/} reference names a JSON Schema resource (the source document's), whose
     * {@code $defs} become components; an example's {@code externalValue} names a JSON resource
     * embedded as the example Swagger UI shows.
     */
    private Map<String, Object> requestBody(
            AnnotationMetadata meta, Argument<?> argument, Map<String, Object> schemas) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<AnnotationValue<RequestBody>> declared = meta.findAnnotation(RequestBody.class);
        declared.flatMap(d -> d.stringValue("description")).ifPresent(s -> body.put("description", s));
        body.put("required", declared.flatMap(d -> d.booleanValue("required")).orElse(!argument.isNullable()));
        Map<String, Object> content = new LinkedHashMap<>();
        List<AnnotationValue<Content>> contents =
                declared.map(d -> d.getAnnotations("content", Content.class)).orElse(List.of());
        for (AnnotationValue<Content> c : contents) {
            Map<String, Object> media = new LinkedHashMap<>();
            Optional<AnnotationValue<Schema>> schema = c.getAnnotation("schema", Schema.class);
            String ref = schema.flatMap(s -> s.stringValue("ref")).orElse("");
            if (!ref.isEmpty() && !ref.startsWith("#")) {
                String name = schema.flatMap(s -> s.stringValue("name")).orElse("Body");
                media.put("schema", external(name, ref, schemas));
            } else {
                media.put("schema", schema(argument.getType(), argument.getType(), Map.of(), schemas));
            }
            Map<String, Object> examples = new LinkedHashMap<>();
            for (AnnotationValue<ExampleObject> e : c.getAnnotations("examples", ExampleObject.class)) {
                Map<String, Object> example = new LinkedHashMap<>();
                e.stringValue("summary").ifPresent(s -> example.put("summary", s));
                e.stringValue("externalValue").ifPresent(r -> example.put("value", resource(r)));
                examples.put(e.stringValue("name").orElse("example" + (examples.size() + 1)), example);
            }
            if (!examples.isEmpty()) {
                media.put("examples", examples);
            }
            content.put(c.stringValue("mediaType").orElse(MediaType.APPLICATION_JSON), media);
        }
        if (content.isEmpty()) {
            content.put(
                    MediaType.APPLICATION_JSON,
                    Map.of("schema", schema(argument.getType(), argument.getType(), Map.of(), schemas)));
        }
        body.put("content", content);
        return body;
    }

    /** A JSON Schema resource as a component; its {@code $defs} become components named after it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> external(String name, String resource, Map<String, Object> schemas) {
        if (!schemas.containsKey(name)) {
            Map<String, Object> schema = new LinkedHashMap<>((Map<String, Object>) resource(resource));
            schema.remove("$schema");
            schema.remove("$id");
            Map<String, Object> defs = (Map<String, Object>) schema.remove("$defs");
            if (defs != null) {
                defs.forEach((k, v) -> schemas.put(defName(name, k), rewriteRefs(v, name)));
            }
            schemas.put(name, rewriteRefs(schema, name));
        }
        return Map.of("$ref", SCHEMA_PREFIX + name);
    }

    private static String defName(String owner, String def) {
        return owner + Character.toUpperCase(def.charAt(0)) + def.substring(1);
    }

    private static Object rewriteRefs(Object node, String owner) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if ("$ref".equals(k) && v instanceof String s && s.startsWith("#/$defs/")) {
                    copy.put("$ref", SCHEMA_PREFIX + defName(owner, s.substring("#/$defs/".length())));
                } else {
                    copy.put(String.valueOf(k), rewriteRefs(v, owner));
                }
            });
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(v -> rewriteRefs(v, owner)).toList();
        }
        return node;
    }

    private Object resource(String name) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " for the OpenAPI document");
            }
            return json.readValue(in.readAllBytes(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> responses(
            UriRouteInfo<?, ?> route,
            AnnotationMetadata meta,
            Map<String, Object> schemas,
            boolean hasInput,
            boolean secured) {
        MethodExecutionHandle<?, ?> handle = route.getTargetMethod();
        Argument<?> returned = handle.getReturnType().asArgument();
        if (HttpResponse.class.isAssignableFrom(returned.getType()) && returned.getTypeParameters().length == 1) {
            returned = returned.getTypeParameters()[0];
        }
        Map<String, Object> content = new LinkedHashMap<>();
        List<String> produces = meta.stringValues(Produces.class).length == 0
                ? List.of(MediaType.APPLICATION_JSON)
                : List.of(meta.stringValues(Produces.class));
        for (String mediaType : produces) {
            if (mediaType.equals(MediaType.APPLICATION_JSON)) {
                content.put(mediaType, Map.of("schema", returnSchema(returned, schemas)));
            } else {
                content.put(mediaType, Map.of("schema", Map.of("type", "string")));
            }
        }
        Map<String, Object> responses = new TreeMap<>();
        List<AnnotationValue<ApiResponse>> declared = meta.getAnnotationValuesByType(ApiResponse.class);
        String ok = meta.enumValue(Status.class, io.micronaut.http.HttpStatus.class)
                .map(s -> String.valueOf(s.getCode()))
                .or(() -> declared.stream()
                        .map(d -> d.stringValue("responseCode").orElse(""))
                        .filter(c -> c.startsWith("2"))
                        .findFirst())
                .orElse("200");
        responses.put(ok, response(description(declared, ok, "OK"), content));
        Map<String, Object> error = Map.of(
                MediaType.APPLICATION_JSON,
                Map.of("schema", schema(ApiError.class, ApiError.class, Map.of(), schemas)));
        if (hasInput) {
            responses.put(
                    "400",
                    response(
                            description(
                                    declared,
                                    "400",
                                    "A parameter or the body is not valid; problems name each with what was wrong"),
                            error));
        }
        if (secured) {
            responses.put(
                    "401", response(description(declared, "401", "No valid API token (Authorization: Bearer)"), error));
        }
        if (!route.getUriMatchTemplate().getVariableNames().isEmpty()) {
            responses.put("404", response(description(declared, "404", "No such id"), error));
        }
        for (AnnotationValue<ApiResponse> d : declared) {
            String code = d.stringValue("responseCode").orElse("");
            if (code.isEmpty() || code.startsWith("2") || responses.containsKey(code)) {
                continue;
            }
            boolean own = d.booleanValue("useReturnTypeSchema").orElse(false);
            responses.put(code, response(d.stringValue("description").orElse(code), own ? content : error));
        }
        responses.putIfAbsent("503", response("The database is unavailable; try again shortly", error));
        return responses;
    }

    private static String description(List<AnnotationValue<ApiResponse>> declared, String code, String otherwise) {
        return declared.stream()
                .filter(d -> d.stringValue("responseCode").orElse("").equals(code))
                .findFirst()
                .flatMap(d -> d.stringValue("description"))
                .orElse(otherwise);
    }

    private static Map<String, Object> response(String description, Map<String, Object> content) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("description", description);
        r.put("content", content);
        return r;
    }

    /** The schema of a return type, with its generic arguments bound (Page of what). */
    private Map<String, Object> returnSchema(Argument<?> argument, Map<String, Object> schemas) {
        if (CharSequence.class.isAssignableFrom(argument.getType())) {
            // A JSON document served as text (the source document's JSON Schema).
            return Map.of("type", "object");
        }
        TypeVariable<?>[] variables = argument.getType().getTypeParameters();
        Argument<?>[] actual = argument.getTypeParameters();
        if (variables.length == 0 || actual.length == 0) {
            return schema(argument.getType(), argument.getType(), Map.of(), schemas);
        }
        Map<String, Type> bindings = new HashMap<>();
        Type[] arguments = new Type[variables.length];
        for (int i = 0; i < variables.length && i < actual.length; i++) {
            Type t = actual[i].getTypeParameters().length == 0
                    ? actual[i].getType()
                    : new Bound(
                            actual[i].getType(),
                            java.util.Arrays.stream(actual[i].getTypeParameters())
                                    .map(x -> (Type) x.getType())
                                    .toArray(Type[]::new));
            bindings.put(variables[i].getName(), t);
            arguments[i] = t;
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
        if (c == int.class || c == Integer.class) {
            return Map.of("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return Map.of("type", "integer", "format", "int64");
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
        if (c.isEnum()) {
            return parameterSchema(c);
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

    /**
     * A record as a component: every component required (answers include nulls), a
     * {@code @Nullable} one also {@code null}, formats from {@code @Schema(format)}.
     */
    private Map<String, Object> record(
            Class<?> type, String name, Map<String, Type> bindings, Map<String, Object> schemas) {
        if (!schemas.containsKey(name)) {
            schemas.put(name, Map.of());
            BeanIntrospection<?> introspection =
                    BeanIntrospector.SHARED.findIntrospection(type).orElse(null);
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Optional<? extends BeanProperty<?, ?>> property =
                        introspection == null ? Optional.empty() : introspection.getProperty(component.getName());
                AnnotationMetadata a = property.map(p -> (AnnotationMetadata) p.getAnnotationMetadata())
                        .orElse(AnnotationMetadata.EMPTY_METADATA);
                Map<String, Object> schema =
                        new LinkedHashMap<>(schema(component.getType(), component.getGenericType(), bindings, schemas));
                a.stringValue(Schema.class, "format").ifPresent(f -> schema.put("format", f));
                a.stringValue(Schema.class, "description").ifPresent(d -> schema.put("description", d));
                boolean nullable = property.map(p -> p.isNullable()).orElse(false)
                        || component.getAccessor().isAnnotationPresent(io.micronaut.core.annotation.Nullable.class);
                properties.put(component.getName(), nullable ? nullable(schema) : schema);
                required.add(component.getName());
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            schema.put("required", required);
            schemas.put(name, schema);
        }
        return Map.of("$ref", SCHEMA_PREFIX + name);
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String t) {
            Map<String, Object> copy = new LinkedHashMap<>(schema);
            copy.put("type", List.of(t, "null"));
            return copy;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        return Map.of("oneOf", List.of(schema, Map.of("type", "null")));
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
}
