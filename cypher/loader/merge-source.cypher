// Creates or updates the Source node of an article, with its full text.
// Parameters: $source {id, title, published (date), file, publisher, author, text}.
MERGE (s:Source {id: $source.id})
SET s.title = $source.title,
    s.published = $source.published,
    s.file = $source.file,
    s.publisher = $source.publisher,
    s.author = $source.author,
    s.text = $source.text
