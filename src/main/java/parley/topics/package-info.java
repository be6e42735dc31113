/** {@code /api/topics}: the issues under negotiation and who demands, supports or opposes what on each. */
package parley.topics;
