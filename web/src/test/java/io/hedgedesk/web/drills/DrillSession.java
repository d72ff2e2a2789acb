package io.hedgedesk.web.drills;

import io.hedgedesk.web.support.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/**
 * One logged-in user as plain HTTP, safe to use from several threads: the cookies of a real login (the encrypted
 * {@code q_session} cookie, possibly in chunks), kept up to date from every response, sent to whichever instance a
 * request goes to. Cookies are not port-specific, so one session serves every instance on localhost. No redirects
 * are followed: the tests look at the 303s and 409s themselves.
 */
final class DrillSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private volatile String csrf = "";

    private DrillSession() {}

    /**
     * Logs in through Keycloak's own login form, as a browser without JavaScript would (HtmlUnit): the app's
     * redirect, the form, the code exchange on the way back. {@code app} must be on a port the realm's redirect URIs
     * allow (8080–8083).
     */
    static DrillSession logIn(URI app, String username, String password) throws Exception {
        DrillSession session = new DrillSession();
        try (WebClient browser = Browser.create()) {
            HtmlPage login = browser.getPage(new URL(app.resolve("/dashboard").toString()));
            if (!login.getUrl().toString().contains("/protocol/openid-connect/auth")) {
                throw new AssertionError("expected Keycloak's login form, got " + login.getUrl());
            }
            HtmlForm form = login.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type(username);
            form.getInputByName("password").type(password);
            HtmlPage dashboard = form.getOneHtmlElementByAttribute("button", "type", "submit")
                    .click();
            if (!dashboard.getUrl().getPath().equals("/dashboard")) {
                throw new AssertionError("login of " + username + " ended at " + dashboard.getUrl());
            }
            // The application's cookies only (Keycloak's own are on /realms/...).
            browser.getCookieManager().getCookies().stream()
                    .filter(c -> c.getName().startsWith("q_session"))
                    .forEach(c -> session.cookies.put(c.getName(), c.getValue()));
        }
        if (session.cookies.isEmpty()) {
            throw new AssertionError("no q_session cookie after the login of " + username);
        }
        return session;
    }

    /** Reads the CSRF form token from a page of the instance (the same cookie then serves every instance). */
    DrillSession withCsrf(URI app) throws Exception {
        HttpResponse<String> page = get(app, "/teams");
        Matcher m = CSRF_FIELD.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new AssertionError("no CSRF token on /teams: " + page.statusCode());
        }
        csrf = m.group(1);
        return this;
    }

    HttpResponse<String> get(URI app, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(app.resolve(path)).GET());
    }

    /** POSTs a form with the CSRF token. {@code fields}: name, value, name, value… */
    HttpResponse<String> post(URI app, String path, String... fields) throws IOException, InterruptedException {
        StringJoiner body = new StringJoiner("&");
        body.add("csrf-token=" + encode(csrf));
        for (int i = 0; i < fields.length; i += 2) {
            body.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        return send(HttpRequest.newBuilder(app.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Sends a request without this session's cookies. */
    static HttpResponse<String> anonymous(URI uri) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String cookieHeader = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<String> response = HTTP.send(
                request.header("Cookie", cookieHeader)
                        .header("Accept", "text/html")
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = set.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
