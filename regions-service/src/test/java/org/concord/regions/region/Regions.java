package org.concord.regions.region;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data for the registry: fresh codes that no reference region and no other test uses. */
final class Regions {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Regions() {
    }

    /**
     * A code no other test in this JVM uses: {@code CN-Z} and two base-36 characters (ISO 3166-2:CN codes have
     * two letters after the dash, so no clash with the reference data, which they also sort after).
     */
    static String freshCode() {
        String suffix = Integer.toString(NEXT.getAndIncrement(), 36).toUpperCase();
        return "CN-Z" + (suffix.length() == 1 ? "0" + suffix : suffix);
    }

    /** A registration body for a province; change entries to break it. */
    static Map<String, Object> province(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Test Province " + code);
        body.put("nativeName", "测试省");
        body.put("type", "PROVINCE");
        body.put("capital", "Testville");
        body.put("signingAuthority", "Department of Commerce of Test Province " + code);
        body.put("contactEmail", null);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
