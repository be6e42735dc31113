package parley.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The OpenAPI document and the Swagger UI page that browses it. */
@Controller
final class OpenApiController {

    private final OpenApiDocument document;
    private final String page;

    OpenApiController(OpenApiDocument document) {
        this.document = document;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("swagger-ui/index.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OpenAPI 3.1 document, generated from the controllers (data-driven, hence a map). */
    @Hidden
    @Get("/openapi.json")
    Map<String, Object> openapi() {
        return document.get();
    }

    /** Swagger UI over {@code /openapi.json}; its scripts come from the swagger-ui webjar. */
    @Hidden
    @Get("/swagger-ui")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> ui() {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
