/**
 * Market quote arithmetic shown on the market page: basis of a perpetual's mark against its index, and a funding
 * rate per interval annualized. Plain Java, exact {@link java.math.BigDecimal}; nothing is rounded here.
 */
package io.hedgedesk.pricing.market;
