package org.concord.regions.portfolio.domain;

/** A region the portfolio's region shares signed agreements with, and how many. */
public record Partner(String region, String name, long signedAgreements) {
}
