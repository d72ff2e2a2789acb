package io.hedgedesk.web.market.refresh;

import io.hedgedesk.web.market.venue.StubVenue;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application with Bybit as its live source, refreshing every second, pointed at a local {@link StubVenue}
 * started before it (so that its address can be configured). A test names its stub's answers in a subclass of
 * {@link Resource} and its profile in a subclass of {@link Profile}.
 */
final class LiveBybitStub {

    private LiveBybitStub() {}

    /** The stub venue with the answers of {@link #answers}, its address as Bybit's base URL. */
    abstract static class Resource implements QuarkusTestResourceLifecycleManager {
        private StubVenue venue;

        /** The stub's answers. */
        protected abstract StubVenue answers(StubVenue venue);

        @Override
        public Map<String, String> start() {
            venue = answers(new StubVenue());
            return Map.of("hedgedesk.market.bybit.base-url", venue.baseUri().toString());
        }

        @Override
        public void stop() {
            if (venue != null) {
                venue.close();
            }
        }
    }

    /** Bybit as the source at {@link #stub()}, refreshing every second, with {@link #more()} on top. */
    abstract static class Profile implements QuarkusTestProfile {

        protected abstract Class<? extends Resource> stub();

        protected Map<String, String> more() {
            return Map.of();
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(more());
            overrides.put("hedgedesk.market.source", "bybit");
            overrides.put("hedgedesk.market.refresh.every", "1s");
            return overrides;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(stub()));
        }
    }
}
