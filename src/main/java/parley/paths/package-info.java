/** {@code /api/paths}: the shortest connections between two actors, every hop explained. */
package parley.paths;
