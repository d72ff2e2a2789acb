package io.hedgedesk.web.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** CSV import: upload, preview with per-row errors (nothing written), confirm (valid rows, one transaction). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ImportPagesTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    AppUserRepository users;

    @Inject
    TeamService teamService;

    @Inject
    PortfolioService portfolios;

    @Test
    void previewShowsRowErrorsAndWritesNothingThenConfirmImportsTheValidRowsOnce() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Imported");
            long aliceId = teams.user(alice).id();
            File csv = File.createTempFile("holdings", ".csv");
            csv.deleteOnExit();
            Files.writeString(
                    csv.toPath(),
                    "asset,quantity,venue,cost_basis_usd,acquired_on\n"
                            + "BTC,0.5,\"Ledger, cold\",15000,2023-01-15\n"
                            + "PEPE,100,MetaMask,,\n"
                            + "ETH,2,Kraken,,2023-02-30\n"
                            + "SOL,12.25,Phantom,,\n",
                    StandardCharsets.UTF_8);

            HtmlForm upload =
                    alice.page("/portfolios/" + id + "/import").getForms().get(1);
            ((HtmlFileInput) upload.getInputByName("file")).setFiles(csv);
            HtmlPage preview = upload.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();

            assertThat(preview.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(preview.asNormalizedText())
                    .contains(
                            "2 of 4 rows are valid",
                            "Ledger, cold",
                            "asset: PEPE is not in the known list",
                            "acquiredOn: Use the form YYYY-MM-DD.",
                            "Nothing has been saved yet");
            assertThat(portfolios.holdings(aliceId, id)).isEmpty();

            HtmlForm confirm = preview.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/confirm"))
                    .findFirst()
                    .orElseThrow();
            String token = confirm.getInputByName("formToken").getValue();
            String text = confirm.getTextAreaByName("csv").getText();
            HtmlPage done = confirm.getButtonByName("confirm").click();
            assertThat(done.asNormalizedText()).contains("Import complete.", "Ledger, cold", "12.25");
            assertThat(portfolios.holdings(aliceId, id))
                    .extracting(h -> h.draft().assetSymbol())
                    .containsExactly("BTC", "SOL");
            assertThat(portfolios.auditTrail(aliceId, id))
                    .extracting(e -> e.action() + " " + e.objectType())
                    .contains("IMPORT PORTFOLIO", "CREATE HOLDING");

            WebResponse again = alice.post("/portfolios/" + id + "/import/confirm", "csv", text, "formToken", token);
            assertThat(again.getResponseHeaderValue("Location")).endsWith("?flash=already-saved");
            assertThat(portfolios.holdings(aliceId, id)).hasSize(2);
        }
    }

    @Test
    void anUnusableFileIsReportedNextToTheFileFieldAndNothingIsWritten() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice")) {
            long id = alice.createPortfolio("Imported");
            WebResponse r =
                    alice.post("/portfolios/" + id + "/import/confirm", "csv", "coin,amount\nBTC,1", "formToken", "x");
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(r.getContentAsString()).contains("id=\"file-error\"", "The first line must name the columns");
            WebResponse noValid = alice.post(
                    "/portfolios/" + id + "/import/confirm", "csv", "asset,quantity,venue\nBTC,-1,X", "formToken", "y");
            assertThat(noValid.getStatusCode()).isEqualTo(400);
            assertThat(noValid.getContentAsString()).contains("There are no valid rows to import.");
            assertThat(portfolios.holdings(teams.user(alice).id(), id)).isEmpty();
        }
    }

    @Test
    void theUploadNeedsTheCsrfTokenAndAnEditorOfThePortfoliosTeam() throws Exception {
        Teams teams = new Teams(users, teamService);
        try (UserSession alice = UserSession.logInNew(root, "Alice");
                UserSession vic = UserSession.logInNew(root, "Vic");
                UserSession mallory = UserSession.logInNew(root, "Mallory")) {
            teams.join(alice, vic, io.hedgedesk.domain.team.Role.VIEWER);
            long id = alice.createPortfolio("Imported");
            String csv = "asset,quantity,venue\nBTC,1,Ledger\n";
            String path = "/portfolios/" + id + "/import";

            assertThat(alice.postFile(path, csv, false).getStatusCode()).isEqualTo(400);
            assertThat(mallory.postFile(path, csv, true).getStatusCode()).isEqualTo(404);
            assertThat(vic.postFile(path, csv, true).getStatusCode()).isEqualTo(403);
            WebResponse preview = alice.postFile(path, csv, true);
            assertThat(preview.getStatusCode()).isEqualTo(200);
            assertThat(preview.getContentAsString()).contains("1 of 1 rows are valid");
            assertThat(portfolios.holdings(teams.user(alice).id(), id)).isEmpty();
        }
    }
}
