package parley.api;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Checks of query parameters; each failure is a 400 naming the parameter. */
public final class Params {

    private Params() {}

    public static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be a date as YYYY-MM-DD, was '" + value + "'");
        }
    }

    public static @Nullable String oneOf(String name, @Nullable String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value.strip())) {
            throw new BadParameterException(
                    name, name + " must be one of " + allowed.stream().sorted().toList() + ", was '" + value + "'");
        }
        return value.strip();
    }

    public static int between(String name, @Nullable Integer value, int defaultValue, int min, int max) {
        int v = value == null ? defaultValue : value;
        if (v < min || v > max) {
            throw new BadParameterException(name, name + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    public static @Nullable String text(String name, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new BadParameterException(name, name + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String required(String name, @Nullable String value, int maxLength) {
        String v = text(name, value, maxLength);
        if (v == null) {
            throw new BadParameterException(name, name + " is required");
        }
        return v;
    }

    public static void range(@Nullable LocalDate from, @Nullable LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException("from", "from (" + from + ") is after to (" + to + ")");
        }
    }
}
