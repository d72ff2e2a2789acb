/**
 * The contract catalog: perpetual specifications (face value, tiers, fees, liquidation convention, sources) and the
 * venues' fee levels, loaded from {@code contracts.json} and {@code fee-tiers.json} with a small strict JSON reader,
 * so that {@code domain} stays free of libraries. Reference data beside the instrument types it fills; the web
 * module produces the one catalog the application uses.
 */
package io.hedgedesk.domain.instrument.catalog;
