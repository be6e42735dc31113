package parley.extract;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date of a fact: the DATE that SUTime found in its sentence (nearest to the predicate),
 * resolved against the publication date. SUTime resolves a bare weekday to the nearest one in
 * either direction; a weekday is resolved here by the predicate's tense instead (past → the last
 * such day on or before publication, "will" / "is set to" → the next on or after). Weeks and months
 * keep their precision; a date the text does not pin is left out, with its words.
 */
final class Dates {

    static final String RULE_SUTIME = "sutime";
    static final String RULE_WEEKDAY_PAST = "weekday-past";
    static final String RULE_WEEKDAY_FUTURE = "weekday-future";
    static final String RULE_MONTH_TENSE = "month-by-tense";
    static final String RULE_UNDER_WAY = "under-way+published-week";

    private static final Pattern MONTH_NAME = Pattern.compile(
            "\\b(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\b\\d{4}\\b|'\\d{2}\\b");

    /** A resolved date: ISO value (or null), the words, the precision, and how. */
    record Resolved(String date, String text, String precision, String rule) {

        /**
         * Whether this date, at its precision, takes in the other's day: a week (given as its
         * Monday) its seven days, a month its days, a day itself.
         */
        boolean covers(Resolved other) {
            if (date == null || other == null || other.date == null) {
                return false;
            }
            LocalDate from = LocalDate.parse(date);
            LocalDate day = LocalDate.parse(other.date);
            return switch (precision == null ? "day" : precision) {
                case "week" -> !day.isBefore(from) && day.isBefore(from.plusDays(7));
                case "month" -> day.getYear() == from.getYear() && day.getMonth() == from.getMonth();
                case "year" -> day.getYear() == from.getYear();
                default -> day.equals(from);
            };
        }

        /** Whether this date is pinned more finely than the other: a day within a week, a week within a month. */
        boolean finerThan(Resolved other) {
            return other != null && other.covers(this) && !covers(other);
        }
    }

    private static final Pattern DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4}-\\d{2})$");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", Pattern.CASE_INSENSITIVE);

    private Dates() {}

    /**
     * The week of publication, for something the article says is under way as it is written ("EU
     * leaders are deciding …") and gives no date words for: the words are the verb's own, the
     * precision a week, no day.
     */
    static Resolved underWay(AnnotatedArticle a, String words) {
        LocalDate monday = a.published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Resolved(monday.toString(), words, "week", RULE_UNDER_WAY);
    }

    /** The date of the fact whose predicate is {@code predicate} in sentence {@code sentence}, or null. */
    static Resolved of(AnnotatedArticle a, int sentence, IndexedWord predicate) {
        return of(a, sentence, predicate, false);
    }

    /**
     * The date of something that happened or is to happen (a meeting, a strike), as {@link
     * #of}, but not the day it was reported on: a date that hangs from a verb of saying above the
     * predicate ("Trump said on Tuesday that he expected to meet Xi early next year", "the ministry
     * said on Monday a drone hit …") dates the saying, not what was said.
     */
    static Resolved ofHappening(AnnotatedArticle a, int sentence, IndexedWord predicate) {
        return of(a, sentence, predicate, true);
    }

    private static Resolved of(AnnotatedArticle a, int sentence, IndexedWord predicate, boolean happening) {
        List<CoreEntityMention> dates = new ArrayList<>();
        SemanticGraph g = a.graph(sentence);
        for (CoreEntityMention m : a.sentences.get(sentence).entityMentions()) {
            if (m.entityType().equals("DATE") && !(happening && datesTheSaying(g, m, predicate))) {
                dates.add(m);
            }
        }
        if (dates.isEmpty()) {
            return null;
        }
        CoreEntityMention nearest = dates.getFirst();
        int best = Integer.MAX_VALUE;
        for (CoreEntityMention m : dates) {
            int distance = Math.abs(m.tokens().getFirst().index() - predicate.index());
            if (distance < best) {
                best = distance;
                nearest = m;
            }
        }
        // the day of the saying is told in the saying's tense: "“… we are prepared to walk away …,”
        // X told reporters on Wednesday" is the Wednesday before, whatever the quotation's tense
        IndexedWord saying = sayingVerb(g, nearest, predicate);
        return resolve(a, sentence, nearest, saying != null ? saying : predicate);
    }

    /** The edges from each word of a mention up to its governor, in the mention's order (the root has none). */
    private static List<SemanticGraphEdge> edgesUp(SemanticGraph g, CoreEntityMention m) {
        List<SemanticGraphEdge> up = new ArrayList<>();
        for (var t : m.tokens()) {
            IndexedWord w = g.getNodeByIndexSafe(t.index());
            SemanticGraphEdge edge = w == null ? null : AnnotatedArticle.parentEdge(g, w);
            if (edge != null) {
                up.add(edge);
            }
        }
        return up;
    }

    /** Whether the date hangs from a verb of saying that governs the predicate. */
    private static boolean datesTheSaying(SemanticGraph g, CoreEntityMention m, IndexedWord predicate) {
        return sayingVerb(g, m, predicate) != null;
    }

    /** The verb of saying that governs the predicate and that the date hangs from, or null. */
    private static IndexedWord sayingVerb(SemanticGraph g, CoreEntityMention m, IndexedWord predicate) {
        for (SemanticGraphEdge edge : edgesUp(g, m)) {
            IndexedWord gov = edge.getGovernor();
            if (gov.index() >= m.tokens().getFirst().index()
                    && gov.index() <= m.tokens().getLast().index()) {
                continue; // inside the date's own words
            }
            return !gov.equals(predicate)
                            && gov.tag().startsWith("VB")
                            && Quotes.REPORTING.contains(Tense.lemma(gov))
                            && Meetings.ancestorOf(g, gov, predicate)
                    ? gov
                    : null;
        }
        return null;
    }

    /**
     * The date words that hang from a noun itself ("the weekend talks", "the talks on Tuesday",
     * "Tuesday's meeting") or from the verb it is the subject or object of ("the talks resumed on
     * Tuesday", "join talks on Saturday"), resolved by the tense of what the noun depends on; null
     * where the sentence dates something else ("Moscow, which sent troops in 2022, says the talks
     * …").
     */
    static Resolved attachedTo(AnnotatedArticle a, int sentence, IndexedWord noun) {
        SemanticGraph g = a.graph(sentence);
        IndexedWord verb = null;
        var up = AnnotatedArticle.parentEdge(g, noun);
        if (up != null
                && up.getGovernor().tag().startsWith("VB")
                && (up.getRelation().toString().startsWith("nsubj")
                        || up.getRelation().toString().equals("obj"))) {
            verb = up.getGovernor();
        }
        for (CoreEntityMention m : a.sentences.get(sentence).entityMentions()) {
            if (!m.entityType().equals("DATE")) {
                continue;
            }
            for (SemanticGraphEdge edge : edgesUp(g, m)) {
                IndexedWord gov = edge.getGovernor();
                String rel = edge.getRelation().toString();
                boolean onNoun = gov.equals(noun);
                boolean onVerb = gov.equals(verb) && (rel.startsWith("obl") || rel.equals("advmod"));
                if (onNoun || onVerb) {
                    return resolve(a, sentence, m, onVerb ? verb : noun);
                }
            }
        }
        return null;
    }

    static Resolved resolve(AnnotatedArticle a, int sentence, CoreEntityMention m, IndexedWord predicate) {
        String words = a.text.substring(m.charOffsets().first(), m.charOffsets().second());
        String dateText = dateText(a, sentence, m, words);
        Matcher weekday = WEEKDAY.matcher(words);
        if (weekday.find()) {
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(1).toUpperCase(Locale.ROOT));
            String lower = words.toLowerCase(Locale.ROOT);
            Tense.Time time;
            if (lower.contains("last") || lower.contains("past")) {
                time = Tense.Time.PAST;
            } else if (lower.contains("next") || lower.contains("coming")) {
                time = Tense.Time.FUTURE;
            } else {
                time = Tense.of(a.graph(sentence), predicate);
            }
            if (time == Tense.Time.PAST) {
                LocalDate d = a.published.with(TemporalAdjusters.previousOrSame(day));
                return new Resolved(d.toString(), dateText, "day", RULE_WEEKDAY_PAST);
            }
            if (time == Tense.Time.FUTURE || time == Tense.Time.PRESENT) {
                LocalDate d = a.published.with(TemporalAdjusters.nextOrSame(day));
                return new Resolved(d.toString(), dateText, "day", RULE_WEEKDAY_FUTURE);
            }
            return new Resolved(null, dateText, null, RULE_SUTIME);
        }
        String value = value(m);
        if (value == null) {
            return new Resolved(null, dateText, null, RULE_SUTIME);
        }
        Matcher day = DAY.matcher(value);
        if (day.find() && valid(day.group(1))) {
            String iso = day.group(1);
            if (monthWithoutYear(words)) {
                iso = byTense(a, sentence, predicate, LocalDate.parse(iso), false)
                        .toString();
                return new Resolved(iso, dateText, "day", RULE_MONTH_TENSE);
            }
            return new Resolved(iso, dateText, "day", RULE_SUTIME);
        }
        Matcher week = WEEK.matcher(value);
        if (week.find()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(week.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
                    .with(DayOfWeek.MONDAY);
            return new Resolved(monday.toString(), dateText, "week", RULE_SUTIME);
        }
        Matcher month = MONTH.matcher(value);
        if (month.find() && valid(month.group(1) + "-01")) {
            if (monthWithoutYear(words)) {
                LocalDate first = byTense(a, sentence, predicate, LocalDate.parse(month.group(1) + "-01"), true);
                return new Resolved(first.toString(), dateText, "month", RULE_MONTH_TENSE);
            }
            return new Resolved(month.group(1) + "-01", dateText, "month", RULE_SUTIME);
        }
        return new Resolved(null, dateText, null, RULE_SUTIME);
    }

    /** A month named without its year ("in early December", "on December 5"). */
    static boolean monthWithoutYear(String words) {
        return MONTH_NAME.matcher(words).find() && !YEAR.matcher(words).find();
    }

    /**
     * The year of a month named without one, by the tense of what it dates: SUTime puts "in early
     * December" of an article of 20 December 2025 into December 2026. Past → the latest such date on
     * or before publication (for a month: the month of publication or before), to come → the
     * earliest on or after, unknown → the publication year.
     */
    static LocalDate byTense(AnnotatedArticle a, int sentence, IndexedWord predicate, LocalDate sutime, boolean month) {
        LocalDate inYear = sutime.withYear(a.published.getYear());
        LocalDate compareTo = month ? a.published.withDayOfMonth(1) : a.published;
        Tense.Time time = Tense.of(a.graph(sentence), predicate);
        if (time == Tense.Time.PAST && inYear.isAfter(compareTo)) {
            return inYear.minusYears(1);
        }
        if ((time == Tense.Time.FUTURE) && inYear.isBefore(compareTo)) {
            return inYear.plusYears(1);
        }
        return inYear;
    }

    /** The words of the date with the preposition before it ("on Saturday"), as curators write them. */
    private static String dateText(AnnotatedArticle a, int sentence, CoreEntityMention m, String words) {
        int first = m.tokens().getFirst().index();
        if (first > 1) {
            var before = a.token(sentence, first - 1);
            String w = before.word().toLowerCase(Locale.ROOT);
            if (w.equals("on")
                    || w.equals("in")
                    || w.equals("by")
                    || w.equals("since")
                    || w.equals("until")
                    || w.equals("throughout")) {
                return a.text.substring(before.beginPosition(), m.charOffsets().second());
            }
        }
        return words;
    }

    private static String value(CoreEntityMention m) {
        Timex timex = m.coreMap().get(TimeAnnotations.TimexAnnotation.class);
        if (timex != null && timex.value() != null) {
            return timex.value();
        }
        return m.tokens().getFirst().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
    }

    private static boolean valid(String iso) {
        try {
            LocalDate.parse(iso);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether the graph of the sentence has this word (a guard for parses missing a token). */
    static boolean inGraph(SemanticGraph g, IndexedWord w) {
        return g.getNodeByIndexSafe(w.index()) != null;
    }
}
