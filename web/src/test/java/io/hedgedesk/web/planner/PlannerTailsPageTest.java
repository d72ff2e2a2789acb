package io.hedgedesk.web.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hedgedesk.web.support.UserSession;
import io.hedgedesk.web.view.Display;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.Test;

/**
 * The planner's scenario tails: liquidated rows say so, and the side-by-side summary shows each plan's net at the
 * worst and best moves of its grid (the tables' own numbers) and says when the hedge's margin is itself exposure.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PlannerTailsPageTest {

    @TestHTTPResource("/")
    URL root;

    /** The rows of the scenario table under {@code xpath}, as the cells' texts. */
    private static List<List<String>> rows(HtmlPage page, String xpath) {
        List<List<String>> rows = new ArrayList<>();
        for (Object row : page.getByXPath(xpath + "//table[contains(@class,'scenarios')]/tbody/tr")) {
            rows.add(((HtmlTableRow) row)
                    .getCells().stream().map(c -> c.asNormalizedText()).toList());
        }
        return rows;
    }

    private static String comparison(HtmlPage page, String heading) {
        return ((HtmlTableRow) page.getByXPath("//table[contains(@class,'comparison')]//tr[th='" + heading + "']")
                        .get(0))
                .asNormalizedText();
    }

    @Test
    void liquidatedRowsSaySoAndTheSummaryShowsTheTails() throws Exception {
        try (UserSession alice = UserSession.logInNew(root, "TailsAlice")) {
            long id = alice.createPortfolio("Tails");
            for (String[] holding : List.of(new String[] {"ETH", "50"}, new String[] {"SOL", "100"})) {
                assertEquals(
                        303,
                        alice.post(
                                        "/portfolios/" + id + "/holdings",
                                        "asset",
                                        holding[0],
                                        "quantity",
                                        holding[1],
                                        "venue",
                                        "Ledger",
                                        "formToken",
                                        UUID.randomUUID().toString())
                                .getStatusCode());
            }
            // ETH inverse at 10x, margin out of the bag: liquidated a little below +10 %; SOL linear 3x with USDT
            // margin;
            // the default proxy, inverse BYBIT:BTCUSD at 2x with BTC margin.
            HtmlPage page = alice.page(
                    "/portfolios/" + id + "/plan?contract.ETH=BYBIT:ETHUSD&leverage.ETH=10"
                            + "&margin.ETH=OUT_OF_BAG&contract.SOL=BYBIT:SOLUSDT&leverage.SOL=3&margin.SOL=STABLECOIN&windowDays=90");
            String text = page.asNormalizedText();

            List<List<String>> eth = rows(page, "//article[@id='leg-ETH']");
            List<List<String>> sol = rows(page, "//article[@id='leg-SOL']");
            List<List<String>> proxy = rows(page, "//section[contains(@class,'plan-proxy')]");
            assertEquals(10, eth.size());
            // +10 %: liquidated, the margin balance is 0 and the row says where and what is lost.
            List<String> up = eth.get(6);
            assertEquals("10.00 %", up.get(0));
            assertEquals("yes", up.get(8));
            assertEquals("0 ETH", up.get(7), "margin balance " + up);
            assertTrue(text.contains("At 10.00 %: Liquidated at "), text);
            assertTrue(text.contains(" ETH margin is lost, and no more; the rest of the move, to "), text);

            // Per-asset: the sum of the two legs' net at each move; the proxy: its net column. Worst and best of each.
            BigDecimal[] perAsset = new BigDecimal[eth.size()];
            int worst = 0;
            int best = 0;
            for (int i = 0; i < eth.size(); i++) {
                perAsset[i] = number(eth.get(i).get(6)).add(number(sol.get(i).get(6)));
                worst = perAsset[i].compareTo(perAsset[worst]) < 0 ? i : worst;
                best = perAsset[i].compareTo(perAsset[best]) > 0 ? i : best;
            }
            int proxyWorst = 0;
            int proxyBest = 0;
            for (int i = 0; i < proxy.size(); i++) {
                BigDecimal net = number(proxy.get(i).get(7));
                proxyWorst = net.compareTo(number(proxy.get(proxyWorst).get(7))) < 0 ? i : proxyWorst;
                proxyBest = net.compareTo(number(proxy.get(proxyBest).get(7))) > 0 ? i : proxyBest;
            }
            String worstRow = comparison(page, "Net at the worst move of the grid");
            String bestRow = comparison(page, "Net at the best move of the grid");
            assertTrue(
                    worstRow.contains(Display.usd(perAsset[worst]) + " at "
                            + eth.get(worst).get(0)),
                    worstRow);
            assertTrue(
                    bestRow.contains(
                            Display.usd(perAsset[best]) + " at " + eth.get(best).get(0)),
                    bestRow);
            assertTrue(
                    worstRow.contains(proxy.get(proxyWorst).get(7) + " at "
                            + proxy.get(proxyWorst).get(0) + " ("
                            + proxy.get(proxyWorst).get(8) + " at the band's end)"),
                    worstRow);
            assertTrue(
                    bestRow.contains(proxy.get(proxyBest).get(7) + " at "
                            + proxy.get(proxyBest).get(0) + " ("
                            + proxy.get(proxyBest).get(9) + " at the band's end)"),
                    bestRow);
            if (eth.get(best).get(8).equals("yes")) {
                assertTrue(bestRow.contains("(a hedge is liquidated there)"), bestRow);
            }

            // The margin as exposure: the ETH leg's coin margin is hedged with the bag; the proxy's BTC margin is not.
            String margin = comparison(page, "Margin as exposure");
            assertTrue(
                    margin.contains("The hedge's margin is ")
                            && margin.contains(
                                    " ETH, itself long ETH: the leg is sized" + " to hedge it with the bag."),
                    margin);
            // At BTC −80 % the margin coin loses 80 % of its value: the first proxy row's margin coin column.
            assertTrue(
                    margin.contains(" BTC, itself long BTC: it loses with the price, and the hedge, sized on the basket"
                            + " alone, does not cover it (" + proxy.get(0).get(3) + " at -80.00 %)."),
                    margin);
            assertTrue(number(proxy.get(0).get(3)).signum() < 0, "the margin coin loses at −80 %");
            // No basket row loses more than the basket is worth (ETH and SOL at their prices on the page).
            for (List<String> row : proxy) {
                assertFalse(
                        row.get(2).startsWith("-") && number(row.get(2)).abs().compareTo(basketValue(page)) > 0,
                        "basket PnL " + row.get(2));
            }
        }
    }

    /** A figure of the page as a number: "-1,234.56 USD" → -1234.56. */
    private static BigDecimal number(String shown) {
        return new BigDecimal(shown.replace(",", "").replaceAll(" [A-Z]+$", ""));
    }

    /** The basket's value as the proxy section states it: "β × the basket's N USD". */
    private static BigDecimal basketValue(HtmlPage page) {
        String text = page.asNormalizedText();
        int at = text.indexOf("the basket's ") + "the basket's ".length();
        return new BigDecimal(text.substring(at, text.indexOf(" USD", at)).replace(",", ""));
    }
}
