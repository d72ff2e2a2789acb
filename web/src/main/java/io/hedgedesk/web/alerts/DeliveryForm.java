package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.alerts.AlertSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The delivery settings form as typed.
 *
 * @param email       the address e-mails go to
 * @param emailOn     "on" when e-mails are wanted
 * @param webhookUrl  the webhook's address
 * @param webhookKind JSON, NTFY or CHAT
 * @param webhookOn   "on" when webhook calls are wanted
 */
public record DeliveryForm(
        @RestForm String email,
        @RestForm String emailOn,
        @RestForm String webhookUrl,
        @RestForm String webhookKind,
        @RestForm String webhookOn) {

    /** The webhook kinds, as stored, with their labels. */
    static final Map<String, String> KINDS = new LinkedHashMap<>(Map.of());

    static {
        KINDS.put("JSON", "Generic JSON ({\"subject\", \"text\"})");
        KINDS.put("NTFY", "ntfy (topic URL, e.g. https://ntfy.sh/your-topic)");
        KINDS.put("CHAT", "Discord or Slack incoming webhook (text)");
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    static DeliveryForm of(AlertSettings.Delivery d, Optional<String> accountEmail) {
        return new DeliveryForm(
                d.email().or(() -> accountEmail).orElse(""),
                d.emailOn() ? "on" : "",
                d.webhookUrl().orElse(""),
                d.webhookKind().orElse("JSON"),
                d.webhookOn() ? "on" : "");
    }

    public List<String> kinds() {
        return List.copyOf(KINDS.keySet());
    }

    public String kindLabel(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    /**
     * The settings to store; a webhook address is checked ({@link WebhookAddress}, resolving its host).
     *
     * @throws InvalidHedgeException with a message per bad field
     */
    AlertSettings.Delivery parse(boolean allowPrivate) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<String> mail = Optional.ofNullable(email).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> url =
                Optional.ofNullable(webhookUrl).map(String::strip).filter(s -> !s.isEmpty());
        boolean mailOn = "on".equals(emailOn);
        boolean hookOn = "on".equals(webhookOn);
        if (mail.isPresent()
                && (mail.get().length() > 254 || !EMAIL.matcher(mail.get()).matches())) {
            errors.put("email", "Enter an e-mail address like name@example.com.");
        } else if (mailOn && mail.isEmpty()) {
            errors.put("email", "Enter the address e-mails should go to.");
        }
        String kind = webhookKind == null || webhookKind.isBlank() ? "JSON" : webhookKind.strip();
        if (!KINDS.containsKey(kind)) {
            errors.put("webhookKind", "Choose one from the list.");
        }
        if (url.isPresent()) {
            if (url.get().length() > 2000) {
                errors.put("webhookUrl", "At most 2000 characters.");
            } else {
                WebhookAddress.refusal(url.get(), allowPrivate).ifPresent(why -> errors.put("webhookUrl", why));
            }
        } else if (hookOn) {
            errors.put("webhookUrl", "Enter the webhook's address.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidHedgeException(errors);
        }
        return new AlertSettings.Delivery(mail, mailOn, url, url.map(u -> kind), hookOn);
    }
}
