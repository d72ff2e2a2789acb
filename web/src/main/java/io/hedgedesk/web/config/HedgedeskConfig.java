package io.hedgedesk.web.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The web application's settings, {@code hedgedesk.*}. A value set in {@code application.properties} (most of them,
 * with the environment variable that overrides it) has its default there; the others have it here. The market-data
 * settings are the marketdata module's ({@code hedgedesk.market.*}, {@code hedgedesk.market-import.*}), the history
 * cache and the shipped history the persistence module's.
 */
@ConfigMapping(prefix = "hedgedesk")
public interface HedgedeskConfig {

    /** The OpenID provider's role of installation administrators ({@code HEDGEDESK_ADMIN_ROLE}). */
    String adminRole();

    /** Start in production mode even with the public development secrets (then a warning). */
    boolean allowDevSecrets();

    /** Give each user a demo team and portfolio at the first login. */
    boolean demoData();

    /** How long the dashboard's and the portfolio page's data are kept per user while unchanged. */
    Duration pageCacheTtl();

    Hedge hedge();

    Export export();

    FormTokens formTokens();

    Oidc oidc();

    Http http();

    Session session();

    Connections connections();

    Alerts alerts();

    /** When a hedge's figures raise alerts. */
    interface Hedge {
        /** A mark older than this is stale. */
        @WithDefault("PT6H")
        Duration staleAfter();

        /** Alert when the mark is within this fraction of the liquidation price. */
        @WithDefault("0.10")
        BigDecimal liquidationAlert();

        /** Alert when coverage leaves the target by more than this (absolute fraction). */
        @WithDefault("0.05")
        BigDecimal coverageBand();
    }

    /** CSV exports. */
    interface Export {
        /** Exports written at once; empty: one fewer than the worker threads, at least 1. */
        Optional<Integer> maxConcurrent();
    }

    /** Single-use form tokens. */
    interface FormTokens {
        /** Used tokens are deleted after this age (at least one day). */
        Duration keep();

        /** How often the deletion runs. */
        Duration cleanupEvery();

        /** The first deletion this long after start. */
        @WithDefault("10m")
        Duration cleanupDelay();
    }

    /** The login. */
    interface Oidc {
        /** Pending logins (login-state cookies) kept per browser. */
        int maxPendingLogins();
    }

    /** HTTP answers. */
    interface Http {
        /** Send Strict-Transport-Security. */
        boolean hsts();

        /** Request headers larger than this are answered with a 431 page. */
        int maxHeaderBytes();
    }

    /** Logged-out sessions. */
    interface Session {
        /** How often each instance reloads the logged-out sessions. */
        @WithDefault("2s")
        Duration revocationRefresh();
    }

    /** Read-only exchange connections. */
    interface Connections {
        /** The key-encryption key(s) of stored secrets: {@code id:base64}, the current first, older ones after commas. */
        String kek();

        /** Bybit v5 private API base. */
        URI bybitUrl();

        /** Binance wallet API base (key permissions). */
        URI binanceSapiUrl();

        /** Binance COIN-M futures base. */
        URI binanceDapiUrl();

        /** How long a signed request stays valid at the venue. */
        Duration recvWindow();

        Duration connectTimeout();

        Duration readTimeout();

        /** How often each connection is synced. */
        Duration syncInterval();

        /** How often the scheduler looks for due connections ({@code off} in tests). */
        String syncEvery();
    }

    /** Alerts: the installation's thresholds (portfolios and hedges may set their own), evaluation and delivery. */
    interface Alerts {
        /** Alert when the mark is within this fraction of the liquidation price. */
        BigDecimal liquidationDistance();

        /** Alert when coverage leaves its target by more than this (absolute fraction). */
        BigDecimal coverageDrift();

        /** Alert when the stop or the take-profit level is crossed. */
        @WithDefault("true")
        boolean stopsAndTargets();

        /** Alert when funding costs more than this a year (fraction); empty: never. */
        Optional<BigDecimal> fundingYearlyRate();

        /** Alert when funding turns from income into a cost. */
        @WithDefault("true")
        boolean fundingSignChange();

        /** Alert when the market data behind a hedge is older than this many hours. */
        int staleAfterHours();

        /** Alert when an exchange connection's syncs have been failing for more than this many hours. */
        @WithDefault("6")
        int syncFailingHours();

        /** Alert when this many syncs of an exchange connection in a row have failed. */
        @WithDefault("3")
        int syncFailures();

        /** Alert when an exchange connection's API key expires within this many days. */
        @WithDefault("14")
        int keyExpiryDays();

        /** The least time between two messages of one alert. */
        Duration minInterval();

        /** Delivery attempts of one message before it is given up. */
        @WithDefault("5")
        int maxAttempts();

        /** Messages per user and hour; the rest wait. */
        int userLimitPerHour();

        /** Evaluate and deliver in the background (off in tests, which call the engine). */
        @WithDefault("true")
        boolean scheduled();

        /** How often the outbox is worked (a {@code @Scheduled} interval; the default is written there too). */
        @WithDefault("5s")
        String deliverEvery();

        /** How often the instance looks for new writes to evaluate after ({@code @Scheduled} interval). */
        @WithDefault("5s")
        String watchEvery();

        /** The evaluation of every open hedge at the latest this often ({@code @Scheduled} interval). */
        @WithDefault("60s")
        String evaluateEvery();

        Webhook webhook();

        /** Webhook calls. */
        interface Webhook {
            /** Allow loopback and private addresses (the cloud-metadata address stays refused). */
            boolean allowPrivate();

            @WithDefault("3s")
            Duration connectTimeout();

            @WithDefault("5s")
            Duration timeout();
        }
    }
}
