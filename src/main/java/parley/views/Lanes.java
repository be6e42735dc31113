package parley.views;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lanes of the timeline and the colours of the network, in order, from configuration: {@code
 * parley.views.lanes} lists lane ids; {@code parley.views.lane.<id>.name} names one, {@code
 * .sides} lists the side ids (countries, blocs, bodies) drawn in it, {@code .name-pattern} a
 * regular expression on a side's name ("European Commission"). A side goes to the first lane that
 * lists it or anything it is part of, or whose pattern matches one of their names; otherwise to
 * {@value #OTHERS}.
 */
@Singleton
public final class Lanes {

    public static final String OTHERS = "others";

    /** A lane as the pages show it. */
    @Serdeable
    public record Lane(String id, String name) {}

    private record Rule(Lane lane, List<String> sides, Pattern namePattern) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<Lane> all = new ArrayList<>();

    Lanes(Environment env) {
        for (String id : env.getProperty("parley.views.lanes", Argument.listOf(String.class))
                .orElse(List.of())) {
            String key = "parley.views.lane." + id.strip();
            Lane lane = new Lane(
                    id.strip(), env.getProperty(key + ".name", String.class).orElse(id.strip()));
            List<String> sides =
                    env.getProperty(key + ".sides", Argument.listOf(String.class)).orElse(List.of()).stream()
                            .map(String::strip)
                            .toList();
            Pattern pattern = env.getProperty(key + ".name-pattern", String.class)
                    .filter(p -> !p.isBlank())
                    .map(Pattern::compile)
                    .orElse(null);
            rules.add(new Rule(lane, sides, pattern));
            all.add(lane);
        }
        all.add(new Lane(OTHERS, "Others"));
    }

    /** Every lane in drawing order, {@value #OTHERS} last. */
    public List<Lane> all() {
        return List.copyOf(all);
    }

    /**
     * The lane of a side, given as its chain: the side itself first, then what it is part of
     * (maps with {@code id} and {@code name}). An empty chain (no side known) is {@value #OTHERS}.
     */
    public String of(List<?> chain) {
        for (Rule rule : rules) {
            for (Object link : chain) {
                if (link instanceof Map<?, ?> m) {
                    Object id = m.get("id");
                    Object name = m.get("name");
                    if (id != null && rule.sides().contains(id.toString())) {
                        return rule.lane().id();
                    }
                    if (name != null
                            && rule.namePattern() != null
                            && rule.namePattern().matcher(name.toString()).find()) {
                        return rule.lane().id();
                    }
                }
            }
        }
        return OTHERS;
    }
}
