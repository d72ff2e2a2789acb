/**
 * The contract catalog: perpetual specifications (face value, tiers, fees, liquidation convention, sources) loaded
 * from {@code contracts.json} with a small strict JSON reader, so that {@code pricing} stays free of libraries.
 */
package io.hedgedesk.pricing.catalog;
