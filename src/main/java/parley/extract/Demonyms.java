package parley.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Adjectival forms of country names ("Russian" → Russia), from the tables CoreNLP's models ship
 * for its coreference system ({@code dcoref/demonyms.txt}, kept to the names in {@code
 * dcoref/countries}): the NER tags "Russian" as NATIONALITY, and a side or a party to a meeting
 * is the country.
 */
final class Demonyms {

    private static final String DEMONYMS = "edu/stanford/nlp/models/dcoref/demonyms.txt";
    private static final String COUNTRIES = "edu/stanford/nlp/models/dcoref/countries";

    private static final Map<String, List<String>> COUNTRY_OF = load();

    private Demonyms() {}

    /** The country names an adjective or plural names ("Ukrainian", "Ukrainians"), in file order. */
    static List<String> countries(String demonym) {
        return COUNTRY_OF.getOrDefault(demonym.toLowerCase(Locale.ROOT), List.of());
    }

    private static Map<String, List<String>> load() {
        Set<String> countries = new HashSet<>();
        for (String line : lines(COUNTRIES)) {
            String[] cols = line.split("\t");
            countries.add(cols[cols.length - 1].strip().toLowerCase(Locale.ROOT));
        }
        Map<String, List<String>> map = new HashMap<>();
        for (String line : lines(DEMONYMS)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            String country = cols[0].strip();
            if (!countries.contains(country.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int i = 1; i < cols.length; i++) {
                String form = cols[i].strip().toLowerCase(Locale.ROOT);
                if (!form.isEmpty()) {
                    List<String> names = map.computeIfAbsent(form, k -> new ArrayList<>());
                    if (!names.contains(country)) {
                        names.add(country);
                    }
                }
            }
        }
        return map;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = Demonyms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
