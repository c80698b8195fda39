package org.concord.notifications.notification.domain;

import java.util.regex.Pattern;

import org.concord.platform.domain.DomainException;

/** Which notifications a reader wants: one region's, one event type's, or all (null = any). */
public record NotificationFilter(String region, String type) {

    private static final Pattern REGION = Pattern.compile("^[A-Z]{2}(-[A-Z0-9]{1,3})?$");
    private static final Pattern TYPE = Pattern.compile("^concord\\.agreement\\.[a-z]+(-[a-z]+)*$");

    public NotificationFilter {
        region = blankToNull(region);
        type = blankToNull(type);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new DomainException(DomainException.Meaning.MALFORMED,
                    "region must be a region code such as CN-GX or VN, was '" + region + "'");
        }
        if (type != null && !TYPE.matcher(type).matches()) {
            throw new DomainException(DomainException.Meaning.MALFORMED,
                    "type must be an agreement event type such as concord.agreement.signed, was '" + type + "'");
        }
    }

    public static NotificationFilter all() {
        return new NotificationFilter(null, null);
    }

    public boolean matches(Notification notification) {
        return (region == null || region.equals(notification.region()))
                && (type == null || type.equals(notification.type()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
