package parley.home;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import parley.neo4j.BoltEndpoint;
import parley.neo4j.EmbeddedNeo4j;

/** The front door: links to what a person or a client looks for first, as HTML or JSON. */
@Controller
final class IndexController {

    /** What the service is and where its parts are. */
    @Serdeable
    record Index(String name, String description, List<Link> links) {}

    /** One place to go: a short name, its address, what is there. */
    @Serdeable
    record Link(String rel, String href, String title) {}

    private final Index index;

    IndexController(BoltEndpoint endpoint, @Value("${parley.browser.enabled:true}") boolean browser) {
        List<Link> links = new ArrayList<>(List.of(
                new Link("openapi", "/openapi.json", "The OpenAPI 3.1 document of the API"),
                new Link("swagger-ui", "/swagger-ui", "Swagger UI: browse and try the API"),
                new Link("review", "/review", "Review page: accept or reject proposed facts"),
                new Link("health", "/health", "Health: UP while Neo4j answers")));
        if (browser && endpoint instanceof EmbeddedNeo4j embedded) {
            links.add(new Link("browser", embedded.httpUri() + "browser/", "Neo4j Browser on the embedded database"));
        }
        this.index = new Index(
                "parley",
                "Who met whom, who demands what of whom, who claims and who denies; every fact with its source"
                        + " and sentence.",
                List.copyOf(links));
    }

    /** The index: HTML when the client asks for HTML and not JSON (a browser), JSON otherwise. */
    @Operation(
            summary = "Links to the API document, Swagger UI, the review page, Neo4j Browser and health",
            description =
                    "HTML when the Accept header asks for text/html and not for JSON (a browser), JSON otherwise.")
    @ApiResponse(responseCode = "200", description = "The links")
    @Get
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @SuppressWarnings("unchecked")
    HttpResponse<Index> index(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML) && !accept.contains(MediaType.APPLICATION_JSON)) {
            HttpResponse<?> html = HttpResponse.ok(html()).contentType(MediaType.TEXT_HTML_TYPE);
            return (HttpResponse<Index>) html;
        }
        return HttpResponse.ok(index).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String html() {
        StringBuilder s = new StringBuilder(
                        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>parley</title></head>\n"
                                + "<body>\n<h1>parley</h1>\n<p>")
                .append(escape(index.description()))
                .append("</p>\n<ul>\n");
        for (Link link : index.links()) {
            s.append("<li><a href=\"")
                    .append(escape(link.href()))
                    .append("\">")
                    .append(escape(link.title()))
                    .append("</a></li>\n");
        }
        return s.append("</ul>\n</body>\n</html>\n").toString();
    }

    private static String escape(@Nullable String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
