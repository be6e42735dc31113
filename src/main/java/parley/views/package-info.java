/**
 * The timeline and network pages ({@code /views/timeline.html}, {@code /views/network.html}) and
 * the JSON they draw from ({@code /api/views/…}): meetings with the side each participant acts for
 * and the lane (United States, Russia, Ukraine, Europe, others: configuration) each side is drawn
 * in; the MET network of one actor.
 */
package parley.views;
