package org.concord.platform.domain;

import static org.concord.platform.domain.DomainException.Meaning.MALFORMED;

/** A page of a list as the client asked for it: zero-based page number, size capped at {@link #MAX_SIZE}. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageQuery of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new DomainException(MALFORMED, "page must be 0 or more, was " + p);
        }
        if (s < 1) {
            throw new DomainException(MALFORMED, "size must be 1 or more, was " + s);
        }
        return new PageQuery(p, Math.min(s, MAX_SIZE));
    }

    public long offset() {
        return (long) page * size;
    }
}
