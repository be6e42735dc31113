package parley.extract;

import java.util.List;

/**
 * What the graph already holds that a draft may link to: named entities with all their spellings,
 * and meetings on given days. {@link #EMPTY} knows nothing (the CLI without a graph, the
 * evaluation's first run).
 */
interface KnownGraph {

    /** An existing person, institution, country or place. */
    record KnownEntity(String id, String label, String name, List<String> aliases) {}

    /** An existing meeting on a day, with its places and participants' ids. */
    record KnownMeeting(String id, String date, List<String> places, List<String> participants) {}

    List<KnownEntity> entities();

    List<KnownMeeting> meetingsOn(List<String> dates);

    KnownGraph EMPTY = new KnownGraph() {
        @Override
        public List<KnownEntity> entities() {
            return List.of();
        }

        @Override
        public List<KnownMeeting> meetingsOn(List<String> dates) {
            return List.of();
        }
    };
}
