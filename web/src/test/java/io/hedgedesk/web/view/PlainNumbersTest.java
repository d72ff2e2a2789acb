package io.hedgedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Variant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The application's template engine prints decimals in plain notation. {@code BigDecimal.toString()} gives
 * {@code 1E+1} for a 10 USD face value that was parsed or stripped to unscaled value 1, scale -1, and {@code 0E-8}
 * for a zero rounded to 8 decimals: both were on the planner page before. A bare decimal is the form of a value typed
 * back into a field: no padding zeros, no separators.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlainNumbersTest {

    @Inject
    Engine engine;

    private String render(Object value) {
        return engine.parse("[{v}]", Variant.forContentType(Variant.TEXT_HTML))
                .data("v", value)
                .render();
    }

    @Test
    void decimalsAreNeverPrintedInExponentForm() {
        assertThat(new BigDecimal("10").stripTrailingZeros().toString()).isEqualTo("1E+1");
        assertThat(render(new BigDecimal("10").stripTrailingZeros())).isEqualTo("[10]");
        assertThat(render(BigDecimal.ZERO.setScale(8))).isEqualTo("[0]");
        assertThat(render(new BigDecimal("1E-8"))).isEqualTo("[0.00000001]");
        assertThat(render(new BigDecimal("-1234.50"))).isEqualTo("[-1234.5]");
    }

    @Test
    void extensionsPrintForPeople() {
        assertThat(engine.parse("[{v.usd}|{v.quantity}|{v.price}]", Variant.forContentType(Variant.TEXT_HTML))
                        .data("v", new BigDecimal("45554"))
                        .render())
                .isEqualTo("[45,554.00 USD|45,554|45,554.00]");
        assertThat(engine.parse("[{v.amount('AVAX')}|{v.pct}]", Variant.forContentType(Variant.TEXT_HTML))
                        .data("v", new BigDecimal("0E-8"))
                        .render())
                .isEqualTo("[0 AVAX|0.00 %]");
    }

    @Test
    void everythingElseIsStillEscaped() {
        assertThat(render("<b>&")).isEqualTo("[&lt;b&gt;&amp;]");
        assertThat(render(12)).isEqualTo("[12]");
    }
}
