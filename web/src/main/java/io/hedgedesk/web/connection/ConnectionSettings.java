package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.AccountEndpoints;
import io.hedgedesk.marketdata.account.SecretSealer;
import io.hedgedesk.web.config.HedgedeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one place the exchange-connection configuration becomes objects: the sealer and the venues' addresses. */
@ApplicationScoped
public class ConnectionSettings {

    @Produces
    @Singleton
    SecretSealer sealer(HedgedeskConfig config) {
        return SecretSealer.fromSpec(config.connections().kek());
    }

    @Produces
    @Singleton
    AccountEndpoints endpoints(HedgedeskConfig config, Clock clock) {
        HedgedeskConfig.Connections c = config.connections();
        return new AccountEndpoints(
                c.bybitUrl(),
                c.binanceSapiUrl(),
                c.binanceDapiUrl(),
                c.recvWindow(),
                c.connectTimeout(),
                c.readTimeout(),
                clock);
    }
}
