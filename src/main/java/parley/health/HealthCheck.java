package parley.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for images without a shell or curl: exits 0 when {@code /health/ready}
 * answers 200 on the configured port ({@code MICRONAUT_SERVER_PORT}, default 8080), 1 otherwise.
 * Needs no Micronaut, so it starts in a fraction of a second: {@code java -cp /app/classes
 * parley.health.HealthCheck}.
 */
public final class HealthCheck {

    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("MICRONAUT_SERVER_PORT", "8080");
        URI uri = URI.create("http://127.0.0.1:" + port + "/health/ready");
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println("not ready: " + e);
            System.exit(1);
        }
    }
}
