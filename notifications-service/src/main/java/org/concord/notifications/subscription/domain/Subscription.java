package org.concord.notifications.subscription.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A webhook subscription: where to send which agreement events. Event types are exact
 * ({@code concord.agreement.signed}) or every agreement event ({@code concord.agreement.*}); none means all.
 * Regions select the agreements any of them is a party to; none means all. No Spring, no SQL.
 */
public record Subscription(UUID id, URI url, List<String> eventTypes, List<String> regions, Status status,
        String disabledReason, Instant failingSince, long version, Instant createdAt) {

    public enum Status { ACTIVE, DISABLED, DELETED }

    public static final String ALL_AGREEMENT_EVENTS = "concord.agreement.*";

    /** The agreement events of the contract a subscription can name. */
    public static final List<String> EVENT_TYPES = List.of(
            "concord.agreement.drafted", "concord.agreement.opened", "concord.agreement.signature-recorded",
            "concord.agreement.signed", "concord.agreement.party-acceded", "concord.agreement.withdrawn",
            "concord.agreement.terminated", "concord.agreement.expired", "concord.agreement.entered-into-force",
            "concord.agreement.withdrawal-notified", "concord.agreement.party-withdrawn",
            "concord.agreement.amendment-opened", "concord.agreement.amendment-signed",
            "concord.agreement.amendment-adopted", "concord.agreement.term-ending",
            "concord.agreement.renewal-objected", "concord.agreement.renewed");

    private static final Pattern REGION = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");
    private static final int MAX_URL_LENGTH = 2000;

    public Subscription {
        eventTypes = List.copyOf(eventTypes);
        regions = List.copyOf(regions);
    }

    /** A new, active subscription; refuses (with what to fix) a URL, event type or region it cannot use. */
    public static Subscription create(UUID id, String url, List<String> eventTypes, List<String> regions, Instant now) {
        return new Subscription(id, parseUrl(url), checkEventTypes(eventTypes), checkRegions(regions), Status.ACTIVE,
                null, null, 1, now);
    }

    /** Whether an event of this type about an agreement among these regions is for this subscription. */
    public boolean wants(String eventType, Collection<String> agreementRegions) {
        boolean typeMatches = eventTypes.isEmpty() || eventTypes.stream().anyMatch(pattern -> pattern.equals(eventType)
                || (pattern.endsWith(".*") && eventType.startsWith(pattern.substring(0, pattern.length() - 1))));
        boolean regionMatches = regions.isEmpty() || regions.stream().anyMatch(agreementRegions::contains);
        return status == Status.ACTIVE && typeMatches && regionMatches;
    }

    /** Whether the endpoint has failed without a single success for longer than {@code period}. */
    public boolean failingLongerThan(Duration period, Instant now) {
        return failingSince != null && Duration.between(failingSince, now).compareTo(period) > 0;
    }

    /**
     * After a failed attempt at {@code now}: when the endpoint may be tried again. The pause is as long as the endpoint
     * has been failing, within [{@code shortest}, {@code longest}], so it doubles from probe to probe (endpoint-level
     * back-off): a failing endpoint costs one attempt now and then, not one per queued delivery.
     */
    public Instant backoffUntil(Instant now, Duration shortest, Duration longest) {
        Duration failingFor = failingSince == null ? Duration.ZERO : Duration.between(failingSince, now);
        Duration pause = failingFor.compareTo(shortest) < 0 ? shortest
                : failingFor.compareTo(longest) > 0 ? longest : failingFor;
        return now.plus(pause);
    }

    /** How many sends the endpoint takes at once: a failing one gets one at a time (a probe) until one succeeds. */
    public int sendsAtOnce(int limit) {
        return failingSince == null ? limit : 1;
    }


    static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidSubscription("url is required: the https address that receives the webhooks");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidSubscription("url is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url.trim());
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new InvalidSubscription("url must be absolute with a host, e.g. https://example.com/webhooks, was '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSubscription("url is not a valid URL: " + e.getMessage());
        }
    }

    private static List<String> checkEventTypes(List<String> eventTypes) {
        List<String> types = normalised(eventTypes);
        for (String type : types) {
            if (!type.equals(ALL_AGREEMENT_EVENTS) && !EVENT_TYPES.contains(type)) {
                throw new InvalidSubscription("unknown event type '" + type + "'; use one of " + EVENT_TYPES
                        + " or " + ALL_AGREEMENT_EVENTS);
            }
        }
        return types;
    }

    private static List<String> checkRegions(List<String> regions) {
        List<String> codes = normalised(regions);
        for (String code : codes) {
            if (!REGION.matcher(code).matches()) {
                throw new InvalidSubscription("'" + code + "' is not a region code such as CN-GX or VN");
            }
        }
        return codes;
    }

    private static List<String> normalised(List<String> values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank() && !result.contains(value.trim())) {
                    result.add(value.trim());
                }
            }
        }
        return List.copyOf(result);
    }
}
