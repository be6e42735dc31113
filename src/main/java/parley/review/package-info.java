/**
 * The review desk: drafts (proposed by the extractor or written by hand) kept outside the
 * knowledge graph, a person's review of each item, publishing what they accepted through the
 * loader, and the {@code /review} page over the same JSON API.
 */
package parley.review;
