package parley.metrics;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Times every request into {@code parley_http_server_requests_seconds}, labelled by the route
 * template ({@code /api/actors/{id}}), so ids in paths do not make a time series each. Requests no
 * route matched (static files, 404s) share the label {@code other}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class HttpMetricsFilter implements Ordered {

    private static final String STARTED = "parley.metrics.started";

    private final Metrics metrics;

    HttpMetricsFilter(Metrics metrics) {
        this.metrics = metrics;
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void stop(HttpRequest<?> request, HttpResponse<?> response) {
        Object started = request.getAttribute(STARTED).orElse(null);
        if (started instanceof Long nanos) {
            String route = BasicHttpAttributes.getUriTemplate(request).orElse("other");
            metrics.recordRequest(request.getMethodName(), route, response.code(), System.nanoTime() - nanos);
        }
    }

    /** First in, last out: the time includes the other filters and the error handlers. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
