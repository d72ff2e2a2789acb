package io.hedgedesk.web.market;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/**
 * The layout's banner about old stored market data ({@code inject:marketDataBanner.text}), shown on the pages that
 * value with it: the dashboard, portfolios and their planner, a hedge, the market pages.
 */
@Named("marketDataBanner")
@ApplicationScoped
public class MarketDataBanner {

    static final Pattern PAGES =
            Pattern.compile("/(dashboard|portfolios(/\\d+(/plan(/.*)?)?)?|hedges/\\d+|market(/.*)?)");

    private final CurrentVertxRequest request;
    private final MarketDataAge age;

    public MarketDataBanner(CurrentVertxRequest request, MarketDataAge age) {
        this.request = request;
        this.age = age;
    }

    /** The banner's text, empty when this page shows none. */
    public String getText() {
        try {
            var current = request.getCurrent();
            return current != null && PAGES.matcher(current.normalizedPath()).matches()
                    ? age.notice().orElse("")
                    : "";
        } catch (ContextNotActiveException e) {
            return ""; // a page rendered outside a request (e.g. the answer to an oversized header) shows no banner
        }
    }
}
