/**
 * {@code /openapi.json}, generated at start from the controllers' routes, arguments, return
 * types and {@code @Operation} annotations, and the Swagger UI that browses it.
 */
package parley.openapi;
