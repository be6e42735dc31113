/** {@code /api/search}: ranked full-text search that also finds other and misspelt spellings. */
package parley.search;
