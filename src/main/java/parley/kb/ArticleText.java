package parley.kb;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which of many fragments (evidence sentences, names, quotations) occur in an article's folded
 * text, all found in one pass over the text (Aho–Corasick): the time is linear in the text plus
 * the fragments, where {@code String.contains} for each fragment costs fragments × text, which for
 * a document of thousands of fragments that are not in its text took half a minute.
 *
 * <p>The fragments go into a trie; each trie node knows the longest proper suffix of its path that
 * is also a path (its failure link) and the nearest such suffix that is a whole fragment (its
 * dictionary link). Walking the text through the trie, every position reports the fragments ending
 * there along the dictionary links; a node reported once is never walked again, so the reporting
 * too is linear however many fragments are suffixes of others.
 */
final class ArticleText {

    private static final int ROOT = 0;
    private static final int NONE = -1;

    private final Map<String, Boolean> answers = new HashMap<>();

    /** Finds which of {@code fragments} (folded, as the text is) occur in {@code foldedText}. */
    ArticleText(String foldedText, Collection<String> fragments) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(fragments));
        Trie trie = new Trie();
        for (int i = 0; i < distinct.size(); i++) {
            String fragment = distinct.get(i);
            if (fragment.isEmpty()) {
                answers.put(fragment, true);
            } else if (fragment.length() > foldedText.length()) {
                answers.put(fragment, false);
            } else {
                trie.add(fragment, i);
            }
        }
        boolean[] found = trie.search(foldedText, distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            answers.putIfAbsent(distinct.get(i), found[i]);
        }
    }

    /** Whether the folded fragment, one of those given, occurs in the text. */
    boolean contains(String fragment) {
        Boolean answer = answers.get(fragment);
        if (answer == null) {
            throw new IllegalArgumentException("not one of the fragments searched for");
        }
        return answer;
    }

    /** The trie in flat arrays, its edges in one open-addressing table keyed by (node, char). */
    private static final class Trie {
        private int size = 1;
        private int[] terminal = {NONE}; // the fragment ending at a node, or NONE
        private int[] firstChild = {NONE};
        private int[] nextSibling = {NONE};
        private char[] via = {0};
        private final Edges edges = new Edges();

        void add(String fragment, int index) {
            int node = ROOT;
            for (int i = 0; i < fragment.length(); i++) {
                char c = fragment.charAt(i);
                int child = edges.get(node, c);
                if (child == NONE) {
                    child = newNode(node, c);
                }
                node = child;
            }
            terminal[node] = index;
        }

        private int newNode(int parent, char c) {
            if (size == terminal.length) {
                int capacity = size * 2;
                terminal = Arrays.copyOf(terminal, capacity);
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                via = Arrays.copyOf(via, capacity);
            }
            int node = size++;
            terminal[node] = NONE;
            firstChild[node] = NONE;
            via[node] = c;
            nextSibling[node] = firstChild[parent];
            firstChild[parent] = node;
            edges.put(parent, c, node);
            return node;
        }

        /** Which fragment indexes occur in the text. */
        boolean[] search(String text, int fragments) {
            boolean[] found = new boolean[fragments];
            if (size == 1) {
                return found;
            }
            int[] fail = new int[size];
            int[] dictionary = new int[size];
            dictionary[ROOT] = NONE;
            int[] queue = new int[size];
            int head = 0;
            int tail = 0;
            for (int child = firstChild[ROOT]; child != NONE; child = nextSibling[child]) {
                fail[child] = ROOT;
                dictionary[child] = NONE;
                queue[tail++] = child;
            }
            while (head < tail) {
                int node = queue[head++];
                for (int child = firstChild[node]; child != NONE; child = nextSibling[child]) {
                    char c = via[child];
                    int f = fail[node];
                    int next = edges.get(f, c);
                    while (next == NONE && f != ROOT) {
                        f = fail[f];
                        next = edges.get(f, c);
                    }
                    int link = next == NONE ? ROOT : next;
                    fail[child] = link;
                    dictionary[child] = terminal[link] != NONE ? link : dictionary[link];
                    queue[tail++] = child;
                }
            }
            boolean[] reported = new boolean[size];
            int state = ROOT;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int next = edges.get(state, c);
                while (next == NONE && state != ROOT) {
                    state = fail[state];
                    next = edges.get(state, c);
                }
                state = next == NONE ? ROOT : next;
                for (int v = terminal[state] != NONE ? state : dictionary[state];
                        v != NONE && !reported[v];
                        v = dictionary[v]) {
                    reported[v] = true;
                    found[terminal[v]] = true;
                }
            }
            return found;
        }
    }

    /** Edges of the trie: (node, char) → child, open addressing, linear probing. */
    private static final class Edges {
        private long[] keys = filled(new long[16]);
        private int[] values = new int[16];
        private int count;

        private static long[] filled(long[] keys) {
            Arrays.fill(keys, -1L);
            return keys;
        }

        private static long key(int node, char c) {
            return ((long) node << 16) | c;
        }

        private int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }

        int get(int node, char c) {
            long key = key(node, c);
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == -1L) {
                    return NONE;
                }
            }
        }

        void put(int node, char c, int child) {
            if (2 * (count + 1) > keys.length) {
                grow();
            }
            insert(key(node, c), child);
            count++;
        }

        private void insert(long key, int value) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != -1L) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = filled(new long[oldKeys.length * 2]);
            values = new int[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    insert(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
