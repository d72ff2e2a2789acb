package io.hedgedesk.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * What the phone layout needs from the pages (the width itself is measured in a real browser by PhoneWidthIT):
 * every cell of a table that becomes cards on a phone carries its column's header as {@code data-label}, number fields
 * bring up the decimal keyboard, and the style sheet wraps the navigation and stacks those tables.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PhoneLayoutTest {

    private static final Pattern NUMBER_FIELD =
            Pattern.compile("quantity|costBasisUsd|price|leverage\\..*|coverage\\..*|proxyLeverage|proxyCoverage");

    @TestHTTPResource("/")
    URL root;

    @TestHTTPResource("/static/app.css")
    URL css;

    @Test
    void cardTablesLabelEveryCellAndNumberFieldsAskForDecimals() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Phone");
            HtmlForm add = alice.page("/portfolios/" + id + "/holdings/new")
                    .getFirstByXPath("//form[contains(@class,'holding')]");
            add.getInputByName("asset").type("ETH");
            add.getInputByName("quantity").type("2");
            add.getInputByName("venue").type("Ledger");
            add.getInputByName("costBasisUsd").type("3000");
            HtmlPage added =
                    add.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertThat(added.asNormalizedText()).contains("Holding added.");
            int cardTables = 0;
            for (String path : List.of(
                    "/dashboard",
                    "/portfolios",
                    "/portfolios/" + id,
                    "/portfolios/" + id + "/plan",
                    "/portfolios/" + id + "/holdings/new",
                    "/teams",
                    "/market",
                    "/market/history",
                    "/hedges")) {
                HtmlPage page = alice.page(path);
                for (DomElement table :
                        page.getByXPath("//table[contains(concat(' ', @class, ' '), ' cards ')]").stream()
                                .map(DomElement.class::cast)
                                .toList()) {
                    cardTables++;
                    Set<String> headers = table.getByXPath(".//thead//th").stream()
                            .map(th -> ((DomElement) th).asNormalizedText().trim())
                            .collect(Collectors.toSet());
                    for (Object o : table.getByXPath(".//tbody//td[not(@colspan)]")) {
                        DomElement td = (DomElement) o;
                        if (td.hasAttribute("data-label")) {
                            assertThat(headers)
                                    .as("%s: data-label of a cell is its column's header", path)
                                    .contains(td.getAttribute("data-label"));
                        } else {
                            assertThat(headers)
                                    .as("%s: a cell without a label sits under an empty header", path)
                                    .contains("");
                        }
                    }
                }
                for (Object o : page.getByXPath("//input")) {
                    DomElement input = (DomElement) o;
                    if (NUMBER_FIELD.matcher(input.getAttribute("name")).matches()) {
                        assertThat(input.getAttribute("inputmode"))
                                .as("%s: %s", path, input.getAttribute("name"))
                                .isEqualTo("decimal");
                    }
                }
            }
            assertThat(cardTables).as("tables that become cards").isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void theStyleSheetWrapsTheNavigationAndStacksCardTablesOnPhones() throws Exception {
        String sheet;
        try (var in = css.openStream()) {
            sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sheet)
                .contains("nav { display: flex; flex-wrap: wrap;")
                .contains("@media (max-width: 40rem)")
                .contains("table.cards td[data-label]::before { content: attr(data-label);");
    }
}
