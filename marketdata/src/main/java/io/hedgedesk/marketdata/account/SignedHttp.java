package io.hedgedesk.marketdata.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hedgedesk.domain.market.feed.MalformedPayloadException;
import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.domain.market.feed.VenueTimeoutException;
import io.hedgedesk.domain.market.feed.VenueUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One signed GET to a venue: the transport errors every venue shares (time-out, unreachable, 5xx, 429/418 with
 * {@code Retry-After}) become the domain's typed market-data errors; the venue's own error body is left to its client.
 */
final class SignedHttp {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String venue;
    private final URI baseUri;
    private final HttpClient http;
    private final Duration readTimeout;

    SignedHttp(String venue, URI baseUri, Duration connectTimeout, Duration readTimeout) {
        this.venue = venue;
        this.baseUri = baseUri;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The answer of {@code GET path?query} with {@code headers}; 2xx and 4xx come back, the rest is thrown. */
    HttpResponse<String> get(String path, String query, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        baseUri.resolve(path + (query.isEmpty() ? "" : "?" + query)))
                .timeout(readTimeout)
                .GET();
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new VenueTimeoutException(venue, path + " took longer than " + readTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new VenueUnavailableException(venue, path + ": " + e.getMessage(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueUnavailableException(venue, path + ": interrupted", false, e);
        }
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            throw new RateLimitedException(venue, path + ": rate limit (HTTP " + status + ")", retryAfter(response));
        }
        if (status >= 500) {
            throw new VenueUnavailableException(venue, path + ": HTTP " + status, true, null);
        }
        return response;
    }

    JsonNode json(HttpResponse<String> response, String what) {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new MalformedPayloadException(
                        venue, what + ": empty answer (HTTP " + response.statusCode() + ")", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException(venue, what + ": not JSON (HTTP " + response.statusCode() + ")", e);
        }
    }

    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
