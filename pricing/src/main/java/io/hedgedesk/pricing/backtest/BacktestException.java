package io.hedgedesk.pricing.backtest;

import io.hedgedesk.domain.DomainException;

/**
 * Invalid input to a backtest or a grade; the message names the argument and its bad value, and {@link #field()} the
 * input it concerns (e.g. {@code "from"}, {@code "leverage.BTC"}).
 */
public class BacktestException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BacktestException(String field, String message) {
        super(field, message);
    }
}
