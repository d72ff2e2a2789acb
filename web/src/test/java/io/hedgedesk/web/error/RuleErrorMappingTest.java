package io.hedgedesk.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hedgedesk.domain.DomainException;
import io.hedgedesk.domain.team.Role;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.hedge.HedgeHistoryFilter;
import io.hedgedesk.pricing.backtest.Rebalancing;
import io.hedgedesk.web.api.BadInputException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rule's refusal from each module reaches the client as a 4xx naming the field it concerns (the API's JSON body;
 * pages show the same message), recognised by its type, {@link DomainException}; any other
 * {@link IllegalArgumentException} is a bug and a 500 with an error id.
 */
class RuleErrorMappingTest {

    private final ErrorMapper mapper = new ErrorMapper(null);
    private final UriInfo api = proxy(UriInfo.class, "getPath", "/api/v1/anything");
    private final HttpHeaders headers = proxy(HttpHeaders.class, "toString", "headers");

    @Test
    void aDomainRuleNamesItsField() {
        DomainException e = catchThrowableOfType(DomainException.class, () -> Role.parse("KING"));
        assertThat(body(mapper.mapRejectedInput(e, api, headers), 400))
                .containsEntry("field", "role")
                .containsEntry("message", "role must be one of OWNER, EDITOR, VIEWER, was KING");
    }

    @Test
    void aPricingRuleNamesItsField() {
        DomainException e = catchThrowableOfType(
                DomainException.class, () -> new Rebalancing(Rebalancing.Kind.BAND, new BigDecimal("1.5"), 0));
        assertThat(body(mapper.mapRejectedInput(e, api, headers), 400))
                .containsEntry("field", "band")
                .containsEntry("message", "the drift band must lie in (0, 1), was 1.5");
    }

    @Test
    void aPersistenceRuleNamesItsFieldAndAStaleEditIsAConflict() {
        DomainException filter = catchThrowableOfType(
                DomainException.class,
                () -> new HedgeHistoryFilter(
                        Optional.empty(), Optional.of("B@D"), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(body(mapper.mapRejectedInput(filter, api, headers), 400))
                .containsEntry("field", "asset")
                .containsEntry("message", "An asset symbol has 1 to 15 letters or digits.");

        StaleEditException stale = new StaleEditException("HEDGE", 9, 3);
        assertThat(body(mapper.mapRejectedInput(stale, api, headers), 409))
                .containsEntry("field", "version")
                .containsEntry("error", "Conflict");
    }

    /**
     * The market-data module's refusals are {@link DomainException}s naming their field (its own test shows an unknown
     * statement file naming "file"); web does not depend on that module, so its exception is stood in for here.
     */
    @Test
    void aMarketDataRuleNamesItsField() {
        DomainException e = new DomainException(
                "file", "This file's header (foo,bar) is none of the exports hedgedesk " + "reads") {};
        assertThat(body(mapper.mapRejectedInput(e, api, headers), 400)).containsEntry("field", "file");
    }

    @Test
    void aWebBinderRefusalNamesItsField() {
        BadInputException e = new BadInputException("fills[2].size", "fills[2].size must be positive");
        assertThat(e).isInstanceOf(DomainException.class);
        assertThat(body(mapper.mapBadInput(e, api, headers), 400)).containsEntry("field", "fills[2].size");
        assertThat(body(mapper.mapRejectedInput(e, api, headers), 400)).containsEntry("field", "fills[2].size");
    }

    @Test
    void anyOtherIllegalArgumentIsOurBug() {
        Map<Object, Object> body =
                body(mapper.mapRejectedInput(new IllegalArgumentException("index 3"), api, headers), 500);
        assertThat(body).containsKey("errorId").doesNotContainKey("field");
        assertThat(body.get("message").toString()).doesNotContain("index 3");
    }

    private static Map<Object, Object> body(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getEntity()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<Object, Object> body = (Map<Object, Object>) response.getEntity();
        assertThat(body.get("status")).isEqualTo(status);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}
