/** {@code /api/claims}: contested claims, who claims and who denies, with the sources on each side. */
package parley.claims;
