/** Pieces every endpoint shares: pages of results and the check of paging parameters. */
package parley.api;
