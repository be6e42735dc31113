// Creates or updates the Source node of an article, with its full text and the version of the
// graph model it was written in (ModelMigration upgrades stores written by older versions).
// Parameters: $source {id, title, published (date), file, publisher, author, text, modelVersion}.
MERGE (s:Source {id: $source.id})
SET s.title = $source.title,
    s.published = $source.published,
    s.file = $source.file,
    s.publisher = $source.publisher,
    s.author = $source.author,
    s.text = $source.text,
    s.modelVersion = $source.modelVersion
