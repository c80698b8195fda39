package org.concord.agreements.agreement.domain;

/**
 * A field the parties cooperate in. A closed list, so that agreements can be found and compared by area
 * (a typo is refused instead of becoming a new area). Events carry the names as plain strings, so adding an
 * area here changes no consumer.
 */
public enum CooperationArea {
    E_COMMERCE,
    CROSS_BORDER_E_COMMERCE,
    TRADE,
    INVESTMENT,
    LOGISTICS,
    TOURISM,
    CULTURE,
    EDUCATION,
    AGRICULTURE,
    TECHNOLOGY
}
