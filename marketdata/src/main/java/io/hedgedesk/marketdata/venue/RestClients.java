package io.hedgedesk.marketdata.venue;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import java.util.concurrent.TimeUnit;

/** Builds a venue's REST client with the configured time-outs; non-2xx answers come back as responses, not errors. */
final class RestClients {

    private RestClients() {}

    static <T> T build(Class<T> api, VenueSettings settings) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(settings.baseUri())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // The venue's own error body (retCode, {code,msg}) is read by VenueCall's error table.
                .disableDefaultMapper(true)
                .build(api);
    }
}
