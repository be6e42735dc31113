package parley.api;

import io.micronaut.serde.annotation.Serdeable;

/** Where a fact comes from: the source's id and the verbatim sentence it rests on. */
@Serdeable
public record Evidence(String source, String sentence) {}
