package parley.api;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * One way for every query and path parameter of every route, checked before the controller runs
 * and before Micronaut converts anything: integers are integers within their {@code @Min}/{@code
 * @Max} (or {@code @Positive}, {@code @PositiveOrZero}), booleans are exactly {@code true} or
 * {@code false}, dates are {@code YYYY-MM-DD}, strings within {@code @Size} and {@code @Pattern}
 * (a pattern of plain words joined by {@code |} is a list of allowed values), required ones
 * present. Each failure is the same 400 {@code bad_parameter} naming the parameter and the value.
 * The OpenAPI document reads the same annotations, so what it states is what is enforced.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class ParameterChecks {

    private static final java.util.regex.Pattern ALTERNATION =
            java.util.regex.Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+");

    @RequestFilter
    public void check(HttpRequest<?> request) {
        if (!(RouteAttributes.getRouteMatch(request).orElse(null) instanceof UriRouteMatch<?, ?> match)) {
            return;
        }
        for (Argument<?> argument : match.getRouteInfo().getTargetMethod().getArguments()) {
            AnnotationMetadata a = argument.getAnnotationMetadata();
            String name = name(argument);
            String raw;
            if (a.hasAnnotation(QueryValue.class)) {
                raw = request.getParameters().get(name);
            } else if (a.hasAnnotation(PathVariable.class)) {
                Object value = match.getVariableValues().get(name);
                raw = value == null ? null : value.toString();
            } else {
                continue;
            }
            check(name, raw, argument);
        }
    }

    /** The name a client uses: the annotation's value, else the argument's name. */
    public static String name(Argument<?> argument) {
        AnnotationMetadata a = argument.getAnnotationMetadata();
        return a.stringValue(QueryValue.class)
                .or(() -> a.stringValue(PathVariable.class))
                .filter(s -> !s.isBlank())
                .orElse(argument.getName());
    }

    static void check(String name, String raw, Argument<?> argument) {
        AnnotationMetadata a = argument.getAnnotationMetadata();
        boolean hasDefault = a.stringValue(QueryValue.class, "defaultValue")
                .filter(s -> !s.isEmpty())
                .isPresent();
        if (raw == null || raw.isBlank()) {
            if (a.hasAnnotation(NotBlank.class) || (!argument.isNullable() && !hasDefault)) {
                throw new BadParameterException(name, name + " is required");
            }
            return;
        }
        Class<?> type = argument.getType();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            integer(name, raw, a, type == int.class || type == Integer.class);
        } else if (type == boolean.class || type == Boolean.class) {
            if (!raw.equals("true") && !raw.equals("false")) {
                throw new BadParameterException(name, name + " must be true or false, was '" + raw + "'");
            }
        } else if (type == LocalDate.class) {
            try {
                LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new BadParameterException(name, name + " must be a date as YYYY-MM-DD, was '" + raw + "'");
            }
        } else if (type.isEnum()) {
            List<String> allowed =
                    Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            if (!allowed.contains(raw.strip())) {
                throw new BadParameterException(name, name + " must be one of " + allowed + ", was '" + raw + "'");
            }
        } else if (type == String.class) {
            text(name, raw, a);
        }
    }

    private static void integer(String name, String raw, AnnotationMetadata a, boolean isInt) {
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, name + " must be an integer, was '" + raw + "'");
        }
        OptionalLong min = a.longValue(Min.class, "value");
        if (a.hasAnnotation(Positive.class)) {
            min = OptionalLong.of(1);
        } else if (a.hasAnnotation(PositiveOrZero.class)) {
            min = OptionalLong.of(0);
        }
        OptionalLong max = a.longValue(Max.class, "value");
        long low = min.orElse(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
        long high = max.orElse(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
        if (value < low || value > high) {
            String range = min.isPresent() && max.isPresent()
                    ? "between " + low + " and " + high
                    : value < low ? "at least " + low : "at most " + high;
            throw new BadParameterException(name, name + " must be " + range + ", was " + raw.strip());
        }
    }

    private static void text(String name, String raw, AnnotationMetadata a) {
        int maxLength = a.intValue(Size.class, "max").orElse(Integer.MAX_VALUE);
        if (raw.length() > maxLength) {
            throw new BadParameterException(name, name + " must be at most " + maxLength + " characters");
        }
        a.stringValue(Pattern.class, "regexp").ifPresent(regexp -> {
            if (ALTERNATION.matcher(regexp).matches()) {
                List<String> allowed = List.of(regexp.split("\\|"));
                if (!allowed.contains(raw.strip())) {
                    throw new BadParameterException(name, name + " must be one of " + allowed + ", was '" + raw + "'");
                }
            } else if (!raw.strip().matches(regexp)) {
                throw new BadParameterException(name, name + " must match " + regexp + ", was '" + raw + "'");
            }
        });
    }
}
