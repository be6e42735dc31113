/**
 * One exception handler per kind of failure, each answering with an {@link parley.errors.ApiError}
 * JSON body that says what was wrong and where; no stack trace reaches a client.
 */
package parley.errors;
