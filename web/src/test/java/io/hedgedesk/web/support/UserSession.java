package io.hedgedesk.web.support;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.KeyDataPair;
import org.htmlunit.util.NameValuePair;

/**
 * A browser logged in as one user through the real authorization-code flow against the WireMock provider of
 * quarkus-test-oidc-server. That provider always issues "alice"; for any other user a token-endpoint stub is
 * registered for a code of their own, answering with an ID token for their own subject (unique per session, so
 * every session is a new user unless {@code subject} is reused).
 */
public final class UserSession implements AutoCloseable {

    private static final String CLIENT_ID = "quarkus-web-app";
    private static final String ID_TOKEN_AUDIENCE = "https://id.server.example.com";

    private final WebClient browser;
    private final URL root;
    /** The issuer of the WireMock provider's tokens. */
    public static final String ISSUER = "https://server.example.com";

    /** The installation administrators' role (application.properties, {@code hedgedesk.admin-role}). */
    public static final String ADMIN_ROLE = "hedgedesk-admin";

    public final String username;
    public final String subject;
    /** The provider's session id: the ID token's {@code sid} claim, as Keycloak sends it (new per login). */
    public final String sessionId;

    private UserSession(WebClient browser, URL root, String username, String subject, String sessionId) {
        this.browser = browser;
        this.root = root;
        this.username = username;
        this.subject = subject;
        this.sessionId = sessionId;
    }

    /** Logs in a new user whose username is {@code name} plus a random suffix (so e-mail = username@example.com). */
    public static UserSession logInNew(URL root, String name) throws Exception {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return logIn(root, username, UUID.randomUUID().toString(), name);
    }

    /**
     * Logs in a new installation administrator (the ID token's groups carry the {@code hedgedesk.admin-role} as the
     * realm maps it), named like {@link #logInNew}.
     */
    public static UserSession logInNewAdmin(URL root, String name) throws Exception {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return logIn(root, username, UUID.randomUUID().toString(), name, Set.of("user", ADMIN_ROLE));
    }

    public static UserSession logIn(URL root, String username, String subject, String displayName) throws Exception {
        return logIn(root, username, subject, displayName, Set.of("user"));
    }

    /** Logs in with the given roles in the ID token's {@code groups} claim. */
    public static UserSession logIn(URL root, String username, String subject, String displayName, Set<String> groups)
            throws Exception {
        String code = "code-" + UUID.randomUUID();
        String sessionId = UUID.randomUUID().toString();
        String url = ConfigProvider.getConfig().getValue("keycloak.url", String.class);
        URL provider = new URL(url);
        String idToken = OidcWiremockTestResource.generateJwtToken(
                username,
                groups,
                subject,
                "ID",
                Set.of(CLIENT_ID, ID_TOKEN_AUDIENCE),
                Map.of("name", displayName, "email", username + "@example.com", "sid", sessionId));
        String accessToken = OidcWiremockTestResource.getAccessToken(username, Set.of("user"));
        new WireMock(provider.getHost(), provider.getPort())
                .register(WireMock.post("/auth/realms/quarkus/token")
                        .withRequestBody(containing("code=" + code))
                        .atPriority(1)
                        .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"r-" + code
                                + "\",\"id_token\":\"" + idToken + "\",\"expires_in\":3600}")));

        WebClient browser = Browser.create();
        HtmlPage login = browser.getPage(new URL(root, "dashboard"));
        HtmlForm form = login.getForms().get(0);
        String state = form.getInputByName("state").getValue();
        String redirect = form.getInputByName("redirect_uri").getValue();
        HtmlPage dashboard = browser.getPage(redirect + "?state=" + state + "&code=" + code);
        if (!dashboard.getUrl().getPath().equals("/dashboard")) {
            throw new IllegalStateException("login of " + username + " ended at " + dashboard.getUrl());
        }
        return new UserSession(browser, root, username, subject, sessionId);
    }

    /** The CSRF token of a freshly loaded page (the logout form of the layout carries it). */
    public String csrfToken() throws Exception {
        HtmlPage page = page("/teams");
        return page.getForms().stream()
                .filter(f -> f.getActionAttribute().equals("/logout"))
                .findFirst()
                .orElseThrow()
                .getInputByName("csrf-token")
                .getValue();
    }

    /** The single-use form token of the form on {@code path} that posts to {@code action}. */
    public String formToken(String path, String action) throws Exception {
        return page(path).getForms().stream()
                .filter(f -> f.getActionAttribute().equals(action))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no form posting to " + action + " on " + path))
                .getInputByName("formToken")
                .getValue();
    }

    public WebClient browser() {
        return browser;
    }

    /** GETs a page (following redirects). */
    public HtmlPage page(String path) throws Exception {
        Page page = browser.getPage(new URL(root, path));
        if (!(page instanceof HtmlPage html)) {
            throw new IllegalStateException(
                    path + " did not answer HTML: " + page.getWebResponse().getStatusCode());
        }
        return html;
    }

    /** A GET, without following redirects. */
    public WebResponse getResponse(String path) throws Exception {
        return send(HttpMethod.GET, path, List.of());
    }

    /** The status of a GET, without following redirects. */
    public int getStatus(String path) throws Exception {
        return send(HttpMethod.GET, path, List.of()).getStatusCode();
    }

    /**
     * POSTs a form with a CSRF token, without following the redirect. {@code fields}: name, value, name, value…
     * The token is read from a rendered page first, as a browser would have it from the page with the form.
     */
    public WebResponse post(String path, String... fields) throws Exception {
        return postWithToken(path, csrfToken(), fields);
    }

    /** POSTs a form with the given CSRF token (e.g. one read from a page viewed earlier), without following redirects. */
    public WebResponse postWithToken(String path, String token, String... fields) throws Exception {
        List<NameValuePair> params = pairs(fields);
        params.add(new NameValuePair("csrf-token", token));
        return send(HttpMethod.POST, path, params);
    }

    /** Creates a portfolio in the current team through the page and returns its id. */
    public long createPortfolio(String name) throws Exception {
        WebResponse created = post("/portfolios", "name", name);
        if (created.getStatusCode() != 303) {
            throw new IllegalStateException("creating portfolio " + name + " answered " + created.getStatusCode());
        }
        return Long.parseLong(created.getResponseHeaderValue("Location").replaceAll(".*/portfolios/(\\d+)\\?.*", "$1"));
    }

    /** POSTs a multipart form with one file field named {@code file}, with or without the CSRF token. */
    public WebResponse postFile(String path, String content, boolean withCsrf) throws Exception {
        return postFile(path, "holdings.csv", content, withCsrf);
    }

    /**
     * POSTs a multipart form with one file field named {@code file} (sent as {@code fileName}) and the given text
     * fields (name, value, name, value…), with or without the CSRF token, without following redirects.
     */
    public WebResponse postFile(String path, String fileName, String content, boolean withCsrf, String... fields)
            throws Exception {
        WebRequest request = new WebRequest(new URL(root, path), HttpMethod.POST);
        request.setEncodingType(FormEncodingType.MULTIPART);
        List<NameValuePair> params = pairs(fields);
        if (withCsrf) {
            params.add(new NameValuePair("csrf-token", csrfToken()));
        }
        KeyDataPair file = new KeyDataPair("file", null, fileName, "text/csv", StandardCharsets.UTF_8);
        file.setData(content.getBytes(StandardCharsets.UTF_8));
        params.add(file);
        request.setRequestParameters(params);
        browser.getOptions().setRedirectEnabled(false);
        try {
            return browser.getPage(request).getWebResponse();
        } finally {
            browser.getOptions().setRedirectEnabled(true);
        }
    }

    /** POSTs a form without any CSRF token. */
    public WebResponse postWithoutCsrf(String path, String... fields) throws Exception {
        return send(HttpMethod.POST, path, pairs(fields));
    }

    private WebResponse send(HttpMethod method, String path, List<NameValuePair> params) throws Exception {
        WebRequest request = new WebRequest(new URL(root, path), method);
        if (method == HttpMethod.POST) {
            request.setRequestParameters(params);
        }
        boolean redirects = browser.getOptions().isRedirectEnabled();
        browser.getOptions().setRedirectEnabled(false);
        try {
            return browser.getPage(request).getWebResponse();
        } finally {
            browser.getOptions().setRedirectEnabled(redirects);
        }
    }

    private static List<NameValuePair> pairs(String... fields) {
        List<NameValuePair> params = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            params.add(new NameValuePair(fields[i], fields[i + 1]));
        }
        return params;
    }

    @Override
    public void close() {
        browser.close();
    }
}
