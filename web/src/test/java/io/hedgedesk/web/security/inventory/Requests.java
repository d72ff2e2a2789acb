package io.hedgedesk.web.security.inventory;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.FormEncodingType;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.KeyDataPair;
import org.htmlunit.util.NameValuePair;

/** Raw requests through a browser (its cookies are the session), never following redirects. */
final class Requests {

    /** The CSRF form field of quarkus-rest-csrf (application.properties). */
    static final String CSRF_FIELD = "csrf-token";

    private Requests() {}

    /** name, value, name, value… as form fields (a name may repeat). */
    static List<NameValuePair> fields(String... nameValues) {
        List<NameValuePair> list = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new NameValuePair(nameValues[i], nameValues[i + 1]));
        }
        return list;
    }

    static List<NameValuePair> withToken(List<NameValuePair> fields, String token) {
        List<NameValuePair> list = new ArrayList<>(fields);
        if (token != null) {
            list.add(new NameValuePair(CSRF_FIELD, token));
        }
        return list;
    }

    static WebResponse get(WebClient browser, URL root, String path) throws Exception {
        return send(browser, new WebRequest(new URL(root, path), HttpMethod.GET));
    }

    /** A url-encoded form, or multipart when {@code multipart} (the field named "file" then becomes a CSV file). */
    static WebResponse postForm(WebClient browser, URL root, String path, List<NameValuePair> fields, boolean multipart)
            throws Exception {
        return send(browser, form(root, path, fields, multipart));
    }

    /** {@link #postForm} as a browser sends a form of a UTF-8 page (HtmlUnit's default for a bare request is Latin-1). */
    static WebResponse postFormUtf8(
            WebClient browser, URL root, String path, List<NameValuePair> fields, boolean multipart) throws Exception {
        WebRequest request = form(root, path, fields, multipart);
        request.setCharset(StandardCharsets.UTF_8);
        return send(browser, request);
    }

    private static WebRequest form(URL root, String path, List<NameValuePair> fields, boolean multipart)
            throws Exception {
        WebRequest request = new WebRequest(new URL(root, path), HttpMethod.POST);
        if (multipart) {
            request.setEncodingType(FormEncodingType.MULTIPART);
            List<NameValuePair> parts = new ArrayList<>();
            for (NameValuePair f : fields) {
                if (f.getName().equals("file")) {
                    KeyDataPair file =
                            new KeyDataPair("file", null, "holdings.csv", "text/csv", StandardCharsets.UTF_8);
                    file.setData(f.getValue().getBytes(StandardCharsets.UTF_8));
                    parts.add(file);
                } else {
                    parts.add(f);
                }
            }
            request.setRequestParameters(parts);
        } else {
            request.setRequestParameters(fields);
        }
        return request;
    }

    /** Any body with any content type (null: none). */
    static WebResponse postRaw(WebClient browser, URL root, String path, String contentType, String body)
            throws Exception {
        WebRequest request = new WebRequest(new URL(root, path), HttpMethod.POST);
        if (contentType != null) {
            request.setAdditionalHeader("Content-Type", contentType);
        }
        request.setRequestBody(body);
        return send(browser, request);
    }

    /** A JSON body in UTF-8. */
    static WebResponse postJsonUtf8(WebClient browser, URL root, String path, String body) throws Exception {
        WebRequest request = new WebRequest(new URL(root, path), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", "application/json; charset=UTF-8");
        request.setCharset(StandardCharsets.UTF_8);
        request.setRequestBody(body);
        return send(browser, request);
    }

    private static WebResponse send(WebClient browser, WebRequest request) throws Exception {
        boolean redirects = browser.getOptions().isRedirectEnabled();
        browser.getOptions().setRedirectEnabled(false);
        try {
            return browser.loadWebResponse(request);
        } finally {
            browser.getOptions().setRedirectEnabled(redirects);
        }
    }
}
