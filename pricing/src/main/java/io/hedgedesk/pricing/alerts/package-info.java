/** When an alert is sent: thresholds with hysteresis and re-arm, and a minimum interval. Stateless and pure. */
package io.hedgedesk.pricing.alerts;
