package io.hedgedesk.web.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security headers of every response of the application port, decided from the request path alone.
 *
 * <p>The Content-Security-Policy allows scripts, styles, images and fonts from our own origin only (no inline
 * script or style), no plugins, no {@code <base>}, no framing, and form submissions to our origin plus the OpenID
 * provider's: the logout form posts to {@code /logout}, which redirects the browser to the provider's
 * end-session endpoint, and Chromium checks {@code form-action} on the redirects that follow a form submission.
 *
 * @param contentSecurityPolicy the complete policy value
 * @param strictTransportSecurity true behind TLS (production): adds HSTS
 */
public record SecurityHeaders(String contentSecurityPolicy, boolean strictTransportSecurity) {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

    public SecurityHeaders {
        if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()) {
            throw new IllegalArgumentException(
                    "contentSecurityPolicy must not be blank, was: " + contentSecurityPolicy);
        }
    }

    /**
     * The headers for the OpenID provider configured by {@code authServerUrl}; when the browser reaches the provider
     * under another name than the application does ({@code tokenIssuer} set, as in docker compose), the browser's
     * name is the one that goes into {@code form-action}.
     */
    public static SecurityHeaders forProvider(
            String authServerUrl, Optional<String> tokenIssuer, boolean strictTransportSecurity) {
        String browserFacing =
                tokenIssuer.filter(i -> !i.isBlank() && !i.equals("any")).orElse(authServerUrl);
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
                + origin(browserFacing);
        return new SecurityHeaders(policy, strictTransportSecurity);
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL. */
    static String origin(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OpenID provider URL is not a valid URL: " + url, e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("OpenID provider URL must be an absolute http(s) URL, was: " + url);
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /**
     * The headers to set on the response to {@code path}. Everything but static files is {@code no-store}: pages
     * show the logged-in user (even the public ones, in the top bar), and the API answers are personal or cheap.
     */
    public Map<String, String> forPath(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        if (strictTransportSecurity) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        if (!isStatic(path)) {
            headers.put("Cache-Control", "no-store");
        }
        return headers;
    }

    static boolean isStatic(String path) {
        return path != null && (path.startsWith("/static/") || path.equals("/favicon.ico")) && !path.contains("..");
    }
}
