package parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;
import parley.errors.ApiError;

/** GETs as plain JSON maps, so tests read answers the way any HTTP client would. */
final class ApiClient {

    private ApiClient() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> fetch(HttpClient client, String uri) {
        return client.toBlocking().retrieve(HttpRequest.GET(uri), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    /** The error of a GET expected to fail with {@code status}. */
    static ApiError error(HttpClient client, String uri, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve(HttpRequest.GET(uri), String.class));
        assertEquals(status, e.getStatus(), uri);
        return e.getResponse().getBody(ApiError.class).orElseThrow();
    }
}
