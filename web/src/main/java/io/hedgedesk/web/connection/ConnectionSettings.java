package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.AccountEndpoints;
import io.hedgedesk.marketdata.account.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one place the exchange-connection configuration becomes objects: the sealer and the venues' addresses. */
@ApplicationScoped
public class ConnectionSettings {

  @Produces
  @Singleton
  SecretSealer sealer(@ConfigProperty(name = "hedgedesk.connections.kek") String kek) {
    return SecretSealer.fromSpec(kek);
  }

  @Produces
  @Singleton
  AccountEndpoints endpoints(@ConfigProperty(name = "hedgedesk.connections.bybit-url") URI bybit,
      @ConfigProperty(name = "hedgedesk.connections.binance-sapi-url") URI binanceSapi,
      @ConfigProperty(name = "hedgedesk.connections.binance-dapi-url") URI binanceDapi,
      @ConfigProperty(name = "hedgedesk.connections.recv-window") Duration recvWindow,
      @ConfigProperty(name = "hedgedesk.connections.connect-timeout") Duration connectTimeout,
      @ConfigProperty(name = "hedgedesk.connections.read-timeout") Duration readTimeout, Clock clock) {
    return new AccountEndpoints(bybit, binanceSapi, binanceDapi, recvWindow, connectTimeout, readTimeout, clock);
  }
}
