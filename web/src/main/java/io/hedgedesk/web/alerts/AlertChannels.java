package io.hedgedesk.web.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hedgedesk.persistence.alerts.AlertOutbox;
import io.hedgedesk.persistence.alerts.AlertSettings;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one message of the outbox: e-mail through Quarkus Mailer (SMTP from configuration), or a webhook — generic
 * JSON {@code {"subject", "text"}}, ntfy (the text as the body, the subject as its {@code Title} header) or
 * Discord/Slack-compatible {@code {"content", "text"}} — after checking its address again ({@link WebhookAddress}),
 * with time-outs ({@code hedgedesk.alerts.webhook.connect-timeout}, {@code timeout}).
 */
@ApplicationScoped
public class AlertChannels {

    private final Mailer mailer;
    private final ObjectMapper json;
    private final AlertSettings settings;
    private final boolean allowPrivateByConfig;
    private final Duration timeout;
    private final HttpClient http;

    AlertChannels(Mailer mailer, ObjectMapper json, AlertSettings settings, HedgedeskConfig config) {
        HedgedeskConfig.Alerts.Webhook webhook = config.alerts().webhook();
        this.mailer = mailer;
        this.json = json;
        this.settings = settings;
        this.allowPrivateByConfig = webhook.allowPrivate();
        this.timeout = webhook.timeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(webhook.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Whether webhooks may call private and loopback addresses (configuration or an administrator's choice). */
    public boolean allowPrivate() {
        return allowPrivateByConfig || settings.allowPrivateWebhooks();
    }

    /** Sends {@code m}; returns a short note of what the other side answered. */
    public String send(AlertOutbox.Claimed m) throws DeliveryException {
        return m.channel().equals("EMAIL") ? email(m) : webhook(m);
    }

    private String email(AlertOutbox.Claimed m) throws DeliveryException {
        try {
            mailer.send(Mail.withText(m.target(), m.subject(), m.body()));
            return "accepted by the mail server";
        } catch (RuntimeException e) {
            throw new DeliveryException("mail server: " + rootMessage(e), true);
        }
    }

    private String webhook(AlertOutbox.Claimed m) throws DeliveryException {
        Optional<String> refused = WebhookAddress.refusal(m.target(), allowPrivate());
        if (refused.isPresent()) {
            throw new DeliveryException(refused.get(), false);
        }
        String kind = m.webhookKind().orElse("JSON");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(m.target().strip())).timeout(timeout);
        if (kind.equals("NTFY")) {
            request.header("Content-Type", "text/plain; charset=utf-8")
                    .header("Title", ascii(m.subject()))
                    .POST(HttpRequest.BodyPublishers.ofString(m.body(), StandardCharsets.UTF_8));
        } else {
            ObjectNode body = json.createObjectNode();
            if (kind.equals("CHAT")) {
                body.put("content", m.subject() + "\n" + m.body());
                body.put("text", m.subject() + "\n" + m.body());
            } else {
                body.put("subject", m.subject());
                body.put("text", m.body());
            }
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return "HTTP " + status;
            }
            throw new DeliveryException("HTTP " + status, status == 429 || status >= 500);
        } catch (IOException e) {
            throw new DeliveryException("no answer: " + rootMessage(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", true);
        }
    }

    /** An HTTP header carries ASCII only: other characters become '?'. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The innermost message of a failure's chain (the most specific one given). */
    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? "no details" : message;
    }
}
