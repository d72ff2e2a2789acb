/**
 * Instruments and amounts: assets, perpetual contract specifications (inverse or linear, face value, tiers, the
 * venue's liquidation convention), sides, and exact amounts whose only lossy step names its rounding.
 */
package io.hedgedesk.domain.instrument;
