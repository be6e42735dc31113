/**
 * Tests that drive the service's pages in a real, headless Chromium (tag {@code browser}, run by
 * {@code ./mvnw -B verify -Pbrowser}); {@link parley.browser.HeadlessChromium} starts the browser.
 */
package parley.browser;
