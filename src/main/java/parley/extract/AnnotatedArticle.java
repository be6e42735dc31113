package parley.extract;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An article after CoreNLP's pass, with the few ways the extractors read it: sentences as
 * evidence, spans of tokens and of dependency subtrees as verbatim text cut from the input by
 * character offsets.
 */
final class AnnotatedArticle {

    final String text;
    final LocalDate published;
    final CoreDocument doc;
    final List<CoreSentence> sentences;

    AnnotatedArticle(String text, LocalDate published, CoreDocument doc) {
        this.text = text;
        this.published = published;
        this.doc = doc;
        this.sentences = doc.sentences();
    }

    /**
     * The sentence, cut from the input by its offsets: verbatim by construction. A list bullet
     * before it ("• ") and a heading the splitter joined to it (a short line without a full stop,
     * then a line break) are left out: the cut starts after them, still a verbatim part.
     */
    String evidence(int sentence) {
        CoreSentence s = sentences.get(sentence);
        String cut = text.substring(s.charOffsets().first(), s.charOffsets().second())
                .strip();
        int nl = cut.indexOf('\n');
        if (nl > 0) {
            String head = cut.substring(0, nl).strip();
            String rest = cut.substring(nl + 1).strip();
            // a heading, not a hard-wrapped line: short, no comma, no word that needs a
            // continuation at its end, and the next line starts a sentence
            String last = head.substring(head.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
            if (!head.isEmpty()
                    && ".!?:;,\"”".indexOf(head.charAt(head.length() - 1)) < 0
                    && head.split("\\s+").length <= 7
                    && head.length() < 50
                    && !head.contains(",")
                    && !CONTINUING.contains(last)
                    && !rest.isEmpty()
                    && Character.isUpperCase(rest.charAt(0))
                    && rest.split("\\s+").length >= 3) {
                cut = rest;
            }
        }
        int b = 0;
        while (b < cut.length() && (BULLETS.indexOf(cut.charAt(b)) >= 0 || Character.isWhitespace(cut.charAt(b)))) {
            b++;
        }
        return b > 0 && b < cut.length() && b <= 3 ? cut.substring(b) : cut;
    }

    /**
     * The sentences from {@code first} to {@code last} as one verbatim passage, as a quotation of
     * several sentences is cited whole. Where the last sentence runs on over a line break (a
     * closing quotation mark the splitter joined to the next paragraph), the passage ends at
     * {@code limit} instead; the first sentence alone if that spans a line break too.
     */
    String passage(int first, int last, int limit) {
        String from = evidence(first);
        String to = evidence(last);
        int begin = text.indexOf(from, sentences.get(first).charOffsets().first());
        int end = text.indexOf(to, sentences.get(last).charOffsets().first());
        if (first >= last || begin < 0 || end < begin) {
            return from;
        }
        String cut = text.substring(begin, end + to.length());
        if (cut.indexOf('\n') >= 0 && limit > begin + from.length() && limit <= text.length()) {
            cut = text.substring(begin, limit).strip();
        }
        return cut.indexOf('\n') >= 0 ? from : cut;
    }

    /** Words a line cannot end a heading with: the sentence goes on. */
    private static final Set<String> CONTINUING = Set.of(
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "and",
            "or",
            "with",
            "for",
            "by",
            "at",
            "from",
            "that",
            "president",
            "minister",
            "envoy",
            "secretary",
            "'s",
            "’s");

    /** Marks that open a list item. */
    private static final String BULLETS = "•·▪‣◦*";

    SemanticGraph graph(int sentence) {
        return sentences.get(sentence).dependencyParse();
    }

    SemanticGraph basic(int sentence) {
        return sentences
                .get(sentence)
                .coreMap()
                .get(edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    }

    /** Token {@code index} (1-based, as in the dependency graph) of a sentence. */
    CoreLabel token(int sentence, int index) {
        return sentences.get(sentence).tokens().get(index - 1);
    }

    /** The input between the first and last of these words (inclusive), verbatim. */
    String span(Collection<IndexedWord> words) {
        int begin = Integer.MAX_VALUE;
        int end = -1;
        for (IndexedWord w : words) {
            begin = Math.min(begin, w.beginPosition());
            end = Math.max(end, w.endPosition());
        }
        return end < 0 ? "" : text.substring(begin, end);
    }

    /** The input from the begin of one token to the end of another (1-based indexes, inclusive). */
    String span(int sentence, int from, int to) {
        return text.substring(
                token(sentence, from).beginPosition(), token(sentence, to).endPosition());
    }

    /**
     * The words a word governs, itself included, not following the head's edges of the excluded
     * relations (their whole subtrees are left out), and cut to the contiguous run around the
     * word: a verbatim span never jumps over a left-out part.
     */
    List<IndexedWord> subtree(int sentence, IndexedWord word, Set<String> excluded) {
        return subtree(sentence, word, excluded, Set.of());
    }

    /** As above, and not following edges of {@code excludedEverywhere} at any depth. */
    List<IndexedWord> subtree(int sentence, IndexedWord word, Set<String> excluded, Set<String> excludedEverywhere) {
        // The basic tree: enhanced++ edges point back into ancestors' phrases.
        SemanticGraph g = basic(sentence);
        IndexedWord head = g.getNodeByIndexSafe(word.index());
        if (head == null) {
            return List.of(word);
        }
        List<IndexedWord> out = new ArrayList<>();
        collect(g, head, excluded, excludedEverywhere, true, out, new java.util.HashSet<>());
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        int at = out.indexOf(head);
        int lo = at;
        int hi = at;
        while (lo > 0 && out.get(lo - 1).index() == out.get(lo).index() - 1) {
            lo--;
        }
        while (hi < out.size() - 1 && out.get(hi + 1).index() == out.get(hi).index() + 1) {
            hi++;
        }
        List<IndexedWord> run = new ArrayList<>(out.subList(lo, hi + 1));
        // Punctuation at either edge is not part of the phrase.
        while (!run.isEmpty() && isPunct(run.getFirst())) {
            run.removeFirst();
        }
        while (!run.isEmpty() && isPunct(run.getLast())) {
            run.removeLast();
        }
        return run;
    }

    private static void collect(
            SemanticGraph g,
            IndexedWord w,
            Set<String> excluded,
            Set<String> everywhere,
            boolean top,
            List<IndexedWord> out,
            Set<Integer> seen) {
        if (!seen.add(w.index())) {
            return;
        }
        out.add(w);
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            String base = rel.contains(":") ? rel.substring(0, rel.indexOf(':')) : rel;
            boolean skip = top && (excluded.contains(rel) || excluded.contains(base));
            if (skip
                    || everywhere.contains(rel)
                    || everywhere.contains(base)
                    || e.getDependent().index() == w.index()) {
                continue;
            }
            collect(g, e.getDependent(), excluded, everywhere, false, out, seen);
        }
    }

    static boolean isPunct(IndexedWord w) {
        String tag = w.tag();
        return tag != null
                && (tag.equals(",")
                        || tag.equals(".")
                        || tag.equals(":")
                        || tag.equals("``")
                        || tag.equals("''")
                        || tag.equals("-LRB-")
                        || tag.equals("-RRB-")
                        || tag.equals("HYPH"));
    }

    /** The dependents of a word by relation (exact, or its base before the colon). */
    static List<IndexedWord> children(SemanticGraph g, IndexedWord w, String relation) {
        List<IndexedWord> out = new ArrayList<>();
        for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
            String rel = e.getRelation().toString();
            if (rel.equals(relation) || rel.startsWith(relation + ":")) {
                out.add(e.getDependent());
            }
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    /** The relation of the edge from the word's first governor, or null at the root. */
    static SemanticGraphEdge parentEdge(SemanticGraph g, IndexedWord w) {
        List<SemanticGraphEdge> in = new ArrayList<>(g.incomingEdgeList(w));
        in.sort((a, b) ->
                Integer.compare(a.getGovernor().index(), b.getGovernor().index()));
        return in.isEmpty() ? null : in.getFirst();
    }
}
