package io.hedgedesk.web.position;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;

/**
 * An amount as shown to people and API clients: rounded by {@link Display} at the asset's scale (coins and USDT settlement
 * amounts 8 decimals, USD 2) — the one place where calculator results are rounded.
 *
 * @param amount the rounded number
 * @param asset  its asset symbol
 */
public record Money(BigDecimal amount, String asset) {

    /** Settlement-asset amounts keep 8 decimals even for USDT: fees like 0.000049485 BTC or 5.052 USDT stay visible. */
    public static Money settlement(Amount amount) {
        return new Money(Display.satoshis(amount.value()), amount.asset().symbol());
    }

    /** USD at cents. */
    public static Money usd(Amount amount) {
        if (!amount.asset().equals(Asset.USD)) {
            throw new IllegalStateException("not a USD amount: " + amount);
        }
        return new Money(Display.cents(amount.value()), "USD");
    }

    /** As pages show it: "0.00004949 BTC", "1,051.00 USD" ({@link Display#amount}). */
    public String text() {
        return Display.amount(amount, asset);
    }

    public static Money usd(BigDecimal value) {
        return usd(new Amount(value, Asset.USD));
    }
}
