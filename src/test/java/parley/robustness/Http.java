package parley.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain JDK HTTP client for the robustness suites: it sends exactly the bytes given (invalid
 * UTF-8, truncated JSON, odd headers) and answers every status with its body, the way any client
 * would see it.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer: status and body as text, and the body as JSON when it is JSON. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON body (status " + status + "): " + abbreviate(body), e);
            }
        }

        public String error() {
            JsonNode error = json().get("error");
            return error == null ? null : error.asString();
        }

        @Override
        public String toString() {
            return status + " " + abbreviate(body);
        }
    }

    private final URI base;
    private final HttpClient client;

    public Http(String base) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET(), Map.of());
    }

    public Answer post(String path, byte[] body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(resolve(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    public Answer postJson(String path, Object tree) {
        return post(path, JSON.writeValueAsBytes(tree), Map.of("Content-Type", "application/json"));
    }

    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
