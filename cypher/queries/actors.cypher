// Actors (people, institutions, countries), optionally of one type and matching a name or any
// other spelling, alphabetically, one page at a time.
// Parameters: $q = null (text), $type = null ('Person', 'Institution' or 'Country'), $offset = 0, $limit = 50.
MATCH (a:Actor)
WHERE ($type IS NULL OR $type IN labels(a))
  AND ($q IS NULL OR toLower(a.name) CONTAINS toLower($q)
       OR any(alias IN a.aliases WHERE toLower(alias) CONTAINS toLower($q)))
WITH a ORDER BY a.name
WITH collect(a) AS matched
UNWIND matched[$offset..$offset + $limit] AS a
RETURN size(matched) AS total,
       a {.id, type: [l IN labels(a) WHERE l <> 'Actor'][0], .name, .aliases, .description, .kind} AS actor
