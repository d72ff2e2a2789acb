package io.hedgedesk.web.alerts;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a webhook URL may be called: http or https with a host, every address the host resolves to public — not
 * this machine (any of its interfaces, so not the application itself), loopback, link-local (cloud metadata
 * 169.254.169.254 among them), private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), unspecified or
 * multicast. With {@code allowPrivate} (an installation administrator's choice) private, loopback and this machine's
 * addresses pass; cloud metadata never does.
 */
public final class WebhookAddress {

    private WebhookAddress() {}

    /** Why {@code url} is refused, or empty when it may be called. Resolves the host (DNS). */
    public static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("Enter a full address like https://example.com/hook.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("The address must start with https:// (or http://).");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("The address has no host name.");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("Put no user name or password in the address.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " is not found.");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = refusal(a, allowPrivate);
            if (why.isPresent()) {
                return Optional.of("The host " + uri.getHost() + " points at " + a.getHostAddress() + ", " + why.get()
                        + ": webhooks may only call public addresses.");
            }
        }
        return Optional.empty();
    }

    static Optional<String> refusal(InetAddress a, boolean allowPrivate) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address
                && (b[0] & 0xff) == 169
                && (b[1] & 0xff) == 254
                && (b[2] & 0xff) == 169
                && (b[3] & 0xff) == 254) {
            return Optional.of("the cloud metadata service");
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return Optional.of("not a host address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        if (a.isLoopbackAddress()) {
            return Optional.of("this machine (loopback)");
        }
        if (a.isSiteLocalAddress() || (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc)) {
            return Optional.of("a private address");
        }
        if (a instanceof Inet4Address && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || (b[0] & 0xff) == 0)) {
            return Optional.of("a shared or reserved address");
        }
        if (isThisMachine(a)) {
            return Optional.of("this machine (the application itself)");
        }
        return Optional.empty();
    }

    private static boolean isThisMachine(InetAddress a) {
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (Collections.list(n.getInetAddresses()).contains(a)) {
                    return true;
                }
            }
            return false;
        } catch (SocketException e) {
            return true; // cannot tell: refuse
        }
    }
}
