package io.hoithao.events.unit;

/** The tier a unit belongs to, from the top: the province, a district, a school. */
public enum UnitLevel {
    PROVINCE, DISTRICT, SCHOOL;

    /** Whether this level is above the other one (PROVINCE above DISTRICT above SCHOOL). */
    boolean above(UnitLevel other) {
        return ordinal() < other.ordinal();
    }
}
