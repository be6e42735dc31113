package parley.neo4j;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.TransactionContext;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.health.Readiness;

/**
 * Applies {@code cypher/schema.cypher} at start. Every statement there is {@code IF NOT EXISTS},
 * so applying it again changes nothing. All of them run in one transaction, which holds only
 * schema changes (Neo4j does not mix them with data changes): a commit per statement cost about
 * 0.2 s each on a cold start. A statement whose constraint or index exists already is not run at
 * all, so a restart plans none of them.
 */
@Context
public final class SchemaInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);

    private static final Pattern NAMED = Pattern.compile(
            "^\\s*CREATE\\s+(?:CONSTRAINT|(?:(?:FULLTEXT|RANGE|TEXT|POINT|VECTOR|LOOKUP)\\s+)?INDEX)\\s+"
                    + "([A-Za-z_][A-Za-z0-9_]*)\\s+IF\\s+NOT\\s+EXISTS\\b",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final Graph graph;
    private final Readiness readiness;
    private final EmbeddedNeo4j embedded;

    SchemaInitializer(Graph graph, Readiness readiness, @Nullable EmbeddedNeo4j embedded) {
        this.graph = graph;
        this.readiness = readiness;
        this.embedded = embedded;
        apply();
    }

    /**
     * Applies the schema: the statements whose constraint or index (by name) the database lacks,
     * then waits for indexes that are not online yet. A restart finds them all, from one {@code
     * SHOW} each for constraints and indexes, and runs none. Returns how many statements the
     * schema has.
     */
    public int apply() {
        readiness.pending("schema", "the schema is being applied");
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        Set<String> present = new HashSet<>();
        boolean[] allOnline = {true};
        if (embedded != null) {
            // In this process: the schema's names from the kernel, without planning a query.
            try (Transaction tx = embedded.database().beginTx()) {
                Schema schema = tx.schema();
                schema.getConstraints().forEach(c -> present.add(c.getName()));
                for (IndexDefinition index : schema.getIndexes()) {
                    present.add(index.getName());
                    allOnline[0] &= schema.getIndexState(index) == Schema.IndexState.ONLINE;
                }
            }
        } else {
            graph.readTransaction(tx -> {
                tx.run("SHOW CONSTRAINTS YIELD name RETURN name")
                        .forEachRemaining(r -> present.add(r.get("name").asString()));
                tx.run("SHOW INDEXES YIELD name, state RETURN name, state").forEachRemaining(r -> {
                    present.add(r.get("name").asString());
                    allOnline[0] &= r.get("state").asString().equals("ONLINE");
                });
                return null;
            });
        }
        List<String> missing = statements.stream()
                .filter(st -> name(st).map(n -> !present.contains(n)).orElse(true))
                .toList();
        if (!missing.isEmpty()) {
            graph.writeTransaction(tx -> {
                for (String statement : missing) {
                    tx.run(statement).consume();
                }
                return missing.size();
            });
        }
        if (!missing.isEmpty() || !allOnline[0]) {
            graph.writeTransaction(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        }
        readiness.done("schema");
        LOG.info(
                "Schema applied: {} constraint and index statements, {} of them run",
                statements.size(),
                missing.size());
        return statements.size();
    }

    /** The name a {@code CREATE CONSTRAINT|INDEX name IF NOT EXISTS} statement gives, if any. */
    static Optional<String> name(String statement) {
        Matcher m = NAMED.matcher(statement);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Runs every statement of {@code cypher/schema.cypher} in one transaction; returns how many.
     * {@code parley import} applies it so to the store Neo4j's importer built (every statement is
     * missing there); the service's start runs only the missing ones ({@link #apply()}).
     */
    public static int create(TransactionContext tx) {
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        for (String statement : statements) {
            tx.run(statement).consume();
        }
        return statements.size();
    }

    /** Waits (at most 300 s) until every index is online. */
    public static Void awaitIndexes(TransactionContext tx) {
        tx.run("CALL db.awaitIndexes(300)").consume();
        return null;
    }
}
