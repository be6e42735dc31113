package parley.extract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** What an article must be before it is read; each failure names the field. */
final class ArticleCheck {

    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_FIELD = 4000;

    private ArticleCheck() {}

    /** The publication date, once everything is checked. */
    static LocalDate check(Article article, int maxChars) {
        if (article == null) {
            throw new BadArticleException("$", "the body is empty; send {\"source\": {…}, \"text\": \"…\"}");
        }
        if (article.text() == null || article.text().isBlank()) {
            throw new BadArticleException("$.text", "the text is missing or empty; send the article's full text");
        }
        if (article.text().length() > maxChars) {
            throw new BadArticleException(
                    "$.text",
                    "the text has " + article.text().length() + " characters; at most " + maxChars
                            + " are read (parley.extract.max-chars)");
        }
        if (article.text().indexOf('\u0000') >= 0) {
            throw new BadArticleException("$.text", "the text contains a NUL character");
        }
        Article.ArticleSource source = article.source();
        if (source == null) {
            throw new BadArticleException("$.source", "the source is missing; send its title and published date");
        }
        if (source.title() == null || source.title().isBlank()) {
            throw new BadArticleException("$.source.title", "the title is missing or empty");
        }
        if (source.title().length() > MAX_FIELD) {
            throw new BadArticleException("$.source.title", "the title is longer than " + MAX_FIELD + " characters");
        }
        if (source.publisher() != null
                && (source.publisher().isBlank() || source.publisher().length() > MAX_FIELD)) {
            throw new BadArticleException(
                    "$.source.publisher", "the publisher must be 1 to " + MAX_FIELD + " characters when given");
        }
        if (source.url() != null && (source.url().isBlank() || source.url().length() > 200)) {
            throw new BadArticleException("$.source.url", "the url must be 1 to 200 characters when given");
        }
        if (source.id() != null
                && (!ID.matcher(source.id()).matches() || source.id().length() > 120)) {
            throw new BadArticleException(
                    "$.source.id",
                    "the id must be a lowercase slug of letters, digits and single hyphens (at most 120), was '"
                            + abbreviate(source.id()) + "'");
        }
        if (source.published() == null || source.published().isBlank()) {
            throw new BadArticleException(
                    "$.source.published", "the publication date is missing; relative dates resolve against it");
        }
        if (!source.published().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new BadArticleException(
                    "$.source.published",
                    "the publication date must be an ISO date (YYYY-MM-DD), was '" + abbreviate(source.published())
                            + "'");
        }
        try {
            return LocalDate.parse(source.published());
        } catch (DateTimeParseException e) {
            throw new BadArticleException(
                    "$.source.published", "the publication date " + source.published() + " does not exist");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
