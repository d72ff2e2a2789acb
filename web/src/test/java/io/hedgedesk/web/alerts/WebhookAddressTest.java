package io.hedgedesk.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Webhook addresses: only public ones, unless an administrator allows private ones; cloud metadata never. */
class WebhookAddressTest {

    @Test
    void loopbackPrivateLinkLocalAndMetadataAreRefusedByDefault() {
        assertThat(WebhookAddress.refusal("http://127.0.0.1:8080/hook", false))
                .contains(
                        "The host 127.0.0.1 points at 127.0.0.1, this machine (loopback): webhooks may only call public addresses.");
        assertThat(WebhookAddress.refusal("http://localhost/hook", false))
                .get()
                .asString()
                .contains("loopback");
        assertThat(WebhookAddress.refusal("https://10.1.2.3/hook", false))
                .get()
                .asString()
                .contains("a private address");
        assertThat(WebhookAddress.refusal("https://192.168.0.10/hook", false))
                .get()
                .asString()
                .contains("private");
        assertThat(WebhookAddress.refusal("https://172.20.0.1/hook", false))
                .get()
                .asString()
                .contains("private");
        assertThat(WebhookAddress.refusal("https://[fd00::1]/hook", false))
                .get()
                .asString()
                .contains("private");
        assertThat(WebhookAddress.refusal("https://100.64.0.1/hook", false))
                .get()
                .asString()
                .contains("shared");
        assertThat(WebhookAddress.refusal("http://169.254.10.1/", false))
                .get()
                .asString()
                .contains("link-local");
        assertThat(WebhookAddress.refusal("http://169.254.169.254/latest/meta-data/", false))
                .get()
                .asString()
                .contains("the cloud metadata service");
        assertThat(WebhookAddress.refusal("http://0.0.0.0/", false))
                .get()
                .asString()
                .contains("not a host address");
    }

    @Test
    void anAdministratorsChoiceAllowsPrivateAndLoopbackButNeverMetadata() {
        assertThat(WebhookAddress.refusal("http://127.0.0.1:8080/hook", true)).isEmpty();
        assertThat(WebhookAddress.refusal("https://10.1.2.3/hook", true)).isEmpty();
        assertThat(WebhookAddress.refusal("http://169.254.169.254/", true))
                .get()
                .asString()
                .contains("metadata");
    }

    @Test
    void publicAddressesPassAndMalformedOnesAreExplained() {
        assertThat(WebhookAddress.refusal("https://93.184.215.14/hook", false)).isEmpty();
        assertThat(WebhookAddress.refusal("ftp://example.com/x", false))
                .contains("The address must start with https:// (or http://).");
        assertThat(WebhookAddress.refusal("https://user:pw@93.184.215.14/", false))
                .contains("Put no user name or password in the address.");
        assertThat(WebhookAddress.refusal("https:// bad", false))
                .contains("Enter a full address like https://example.com/hook.");
        assertThat(WebhookAddress.refusal("https://no-such-host.invalid/hook", false))
                .contains("The host no-such-host.invalid is not found.");
    }
}
