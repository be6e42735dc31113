package parley.kb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A source document parsed and structurally valid, with the SHA-256 of its bytes; not yet checked
 * against its text or the graph, which {@link KbLoader#write} does inside the write transaction.
 */
public final class ParsedDocument {

    private final KbDocument document;
    private final String contentHash;

    ParsedDocument(KbDocument document, String contentHash) {
        this.document = document;
        this.contentHash = contentHash;
    }

    /** The id of the source the document describes. */
    public String source() {
        return document.source().id();
    }

    /** Hex SHA-256 of the document's bytes, kept on its Source node as {@code contentHash}. */
    public String contentHash() {
        return contentHash;
    }

    KbDocument document() {
        return document;
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
