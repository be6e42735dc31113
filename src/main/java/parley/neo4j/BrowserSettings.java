package parley.neo4j;

import static org.neo4j.configuration.SettingValueParsers.BOOL;

import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.SettingsDeclaration;
import org.neo4j.graphdb.config.Setting;

/**
 * Declares {@code browser.allow_outgoing_connections}, which Neo4j Browser reads through {@code
 * dbms.clientConfig()} to decide whether it may call outside hosts (news feed, Canny, fonts). The
 * Community edition reports only declared settings and does not declare this one, so Browser took
 * its absence as "allowed"; declared here (found by Neo4j through {@code META-INF/services}), it
 * can be set to false. Should a later Neo4j declare it itself, it would refuse to start with a
 * duplicate setting: then remove this class and its service entry.
 */
public final class BrowserSettings implements SettingsDeclaration {

    public static final Setting<Boolean> allow_outgoing_connections = SettingImpl.newBuilder(
                    "browser.allow_outgoing_connections", BOOL, false)
            .build();
}
