package parley.review;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.nio.charset.StandardCharsets;
import parley.kb.BundledDocuments;

/** The review desk page; its script and styles are static resources under {@code /review/assets/}. */
@Controller
final class ReviewPageController {

    private final String page = new String(BundledDocuments.read("review/index.html"), StandardCharsets.UTF_8);

    @Get("/review")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
