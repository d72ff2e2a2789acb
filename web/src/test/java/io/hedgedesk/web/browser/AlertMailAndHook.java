package io.hedgedesk.web.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * For {@link AlertJourneyIT}: an SMTP server (GreenMail) and a webhook receiver (the JDK's HTTP server) on loopback,
 * and the packaged application's configuration pointing at them, with loopback webhooks allowed and fast timers.
 */
public class AlertMailAndHook implements QuarkusTestResourceLifecycleManager {

    static GreenMail smtp;
    static HttpServer hook;
    static final List<String> HOOK_BODIES = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            int smtpPort;
            try (ServerSocket s = new ServerSocket(0)) {
                smtpPort = s.getLocalPort();
            }
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            hook.createContext("/", exchange -> {
                HOOK_BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            hook.start();
            return Map.of(
                    "quarkus.mailer.host",
                    "127.0.0.1",
                    "quarkus.mailer.port",
                    Integer.toString(smtpPort),
                    "quarkus.mailer.start-tls",
                    "DISABLED",
                    "quarkus.mailer.mock",
                    "false",
                    "hedgedesk.alerts.webhook.allow-private",
                    "true",
                    "hedgedesk.alerts.watch-every",
                    "1s",
                    "hedgedesk.alerts.deliver-every",
                    "1s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hookUrl() {
        return "http://127.0.0.1:" + hook.getAddress().getPort() + "/alerts";
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }
}
