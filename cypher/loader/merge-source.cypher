// Creates or updates the Source node of an article, with its full text and the version of the
// graph model it was written in (ModelMigration upgrades stores written by older versions).
// `contentHash` is the SHA-256 of the document as loaded: a start compares it with each bundled
// file to find the bundled sources that are missing or outdated.
// Parameters: $source {id, title, published (date), file, publisher, author, text, contentHash,
// modelVersion}.
CYPHER replan=skip
MERGE (s:Source {id: $source.id})
SET s.title = $source.title,
    s.published = $source.published,
    s.file = $source.file,
    s.publisher = $source.publisher,
    s.author = $source.author,
    s.text = $source.text,
    s.contentHash = $source.contentHash,
    s.modelVersion = $source.modelVersion
