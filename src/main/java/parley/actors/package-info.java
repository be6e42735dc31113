/** {@code /api/actors}: people, institutions and countries, their profiles, whom they met, their networks. */
package parley.actors;
