package parley.api;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * How an answer states a MET: by its status, never "met" for a meeting nobody reports held. Held:
 * "A and B met in Miami on 2025-12-04"; planned: "are to meet" (or "were to meet" once its date
 * has passed); cancelled: "were to meet …; cancelled"; unknown: "are both reported at …".
 */
public final class MetWording {

    private MetWording() {}

    /** The verb phrase for a MET of this status, as of {@code today}. */
    public static String verb(String status, @Nullable LocalDate date, LocalDate today) {
        return switch (status) {
            case "held" -> "met";
            case "planned" -> date != null && date.isBefore(today) ? "were to meet" : "are to meet";
            case "cancelled" -> "were to meet";
            default -> "are both reported at a meeting";
        };
    }

    /** "Kirill Dmitriev and Steve Witkoff were to meet in Miami on 2025-12-20". */
    public static String sentence(
            String a,
            String b,
            String status,
            @Nullable String place,
            @Nullable LocalDate date,
            @Nullable String datePrecision,
            LocalDate today) {
        StringBuilder s = new StringBuilder(a).append(" and ").append(b).append(' ');
        s.append(verb(status, date, today));
        if (place != null) {
            s.append(" in ").append(place);
        }
        if (date != null) {
            s.append(
                    switch (datePrecision == null ? "day" : datePrecision) {
                        case "week" -> " in the week of " + date;
                        case "month" -> " in " + date.toString().substring(0, 7);
                        case "year" -> " in " + date.getYear();
                        default -> " on " + date;
                    });
        }
        if ("cancelled".equals(status)) {
            s.append("; cancelled");
        }
        return s.toString();
    }
}
