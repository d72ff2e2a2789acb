package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.VenueStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the exchange connections at one signature-checking stub for the whole test run. */
public class VenueStubResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "STUBKEY0001abcd";
    public static final String SECRET = "stub-secret-0001";
    static VenueStub stub;

    @Override
    public Map<String, String> start() {
        stub = new VenueStub(API_KEY, SECRET)
                .serve("/v5/user/query-api", "bybit-query-api-read-only.json")
                .serve("/sapi/v1/account/apiRestrictions", "binance-api-restrictions-read-only.json")
                .serve("/v5/position/list", "bybit-position-list-inverse.json")
                .serve("/v5/position/list?category=linear", "bybit-position-list-linear.json")
                .serve("/dapi/v1/positionRisk", "binance-position-risk.json")
                .withHistory();
        String uri = stub.uri().toString();
        // Syncs on demand only, so that a test's "Sync now" never meets the scheduled one.
        return Map.of(
                "hedgedesk.connections.bybit-url",
                uri,
                "hedgedesk.connections.binance-sapi-url",
                uri,
                "hedgedesk.connections.binance-dapi-url",
                uri,
                "hedgedesk.connections.sync-every",
                "off");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
