/** {@code GET /}: where to go from here (API document, Swagger UI, review page, Browser, health). */
package parley.home;
