package io.hedgedesk.web.support;

/** A CDI event: a price or mark was stored (a team's price, a manual or fetched tick); alerts re-evaluate after it. */
public record MarkStored(String what) {
}
