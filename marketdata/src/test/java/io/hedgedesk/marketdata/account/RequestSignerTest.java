package io.hedgedesk.marketdata.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestSignerTest {

    @Test
    void binanceSignatureIsTheDocumentedExample() {
        // Binance API docs, "SIGNED Endpoint Examples for POST /api/v3/order", HMAC example: this key, this query.
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";
        assertThat(RequestSigner.binance(secret, query))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void bybitSignsTimestampKeyWindowAndQueryInThatOrder() {
        // Independent computation: printf '1658384314791XXXXXXXXXX5000category=inverse&symbol=BTCUSD' \
        //   | openssl dgst -sha256 -hmac bybit-test-secret
        assertThat(RequestSigner.bybit(
                        "bybit-test-secret", 1658384314791L, "XXXXXXXXXX", 5000, "category=inverse&symbol=BTCUSD"))
                .isEqualTo("9b899df05034141803b724062cd5b624443d075ef787ccf71e48df4165d0a186");
    }
}
