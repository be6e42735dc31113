package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import parley.SharedNeo4j;
import parley.api.Page;
import parley.errors.ApiError;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourcesEndpointTest implements SharedNeo4j {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void listsTheArticlesNewestFirstWithHowMuchEachSupports() {
        Page<Sources.Summary> page = client.toBlocking()
                .retrieve(HttpRequest.GET("/api/sources?limit=2"), Argument.of(Page.class, Sources.Summary.class));
        assertEquals(5, page.total());
        assertEquals(2, page.items().size());
        Sources.Summary newest = page.items().getFirst();
        assertEquals("article-001", newest.id());
        assertEquals(LocalDate.of(2025, 12, 20), newest.published());
        assertTrue(newest.facts() > 40, "article 001 reports " + newest.facts() + " facts");
        assertEquals("article-000", page.items().get(1).id());
    }

    @Test
    void oneSourceListsEveryFactItSupportsWithItsSentence() {
        Sources.Detail detail = client.toBlocking().retrieve("/api/sources/article-000", Sources.Detail.class);
        assertEquals(
                "Kremlin Envoy Heads to Miami for Crucial US Peace Talks on Ukraine War",
                detail.source().title());
        Sources.Item miami = detail.facts().stream()
                .filter(f -> f.id().equals("us-russia-talks-miami-2025-12-20"))
                .findFirst()
                .orElseThrow();
        assertEquals("Meeting", miami.label());
        assertTrue(
                miami.evidence().stream()
                        .anyMatch(e -> e.startsWith("Kirill Dmitriev, the head of Russia's sovereign wealth fund")),
                miami.evidence().toString());
        Sources.Support attended = detail.relationships().stream()
                .filter(r -> r.type().equals("ATTENDED") && r.from().equals("kirill-dmitriev"))
                .findFirst()
                .orElseThrow();
        assertEquals("us-russia-talks-miami-2025-12-20", attended.to());
        assertTrue(detail.entities().stream().anyMatch(e -> e.id().equals("steve-witkoff")));
    }

    @Test
    void anUnknownSourceIs404() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking()
                .retrieve("/api/sources/article-999", Sources.Detail.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertTrue(
                e.getResponse().getBody(ApiError.class).orElseThrow().message().contains("article-999"));
    }

    @Test
    void aLimitOutOfRangeIs400NamingTheParameter() {
        HttpClientResponseException e = assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().retrieve("/api/sources?limit=0"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        assertEquals(
                "limit",
                e.getResponse()
                        .getBody(ApiError.class)
                        .orElseThrow()
                        .problems()
                        .getFirst()
                        .path());
    }
}
