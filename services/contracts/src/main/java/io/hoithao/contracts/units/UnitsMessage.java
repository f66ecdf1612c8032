package io.hoithao.contracts.units;

import io.hoithao.contracts.IntegrationMessage;

/**
 * What the directory of units (đơn vị: the department, its district offices, schools, centres) tells
 * the other services, on topic {@code hoithao.units}. A unit is known by its stable {@code unitId};
 * its names are what a rename changes. These messages concern no conference event: their
 * {@code eventId} (the record key) is always {@link #NO_EVENT}, so every message of the directory lands
 * on one partition, in the order they were published.
 */
public sealed interface UnitsMessage extends IntegrationMessage
        permits UnitCreated, UnitRenamed, UnitMoved, ModelSiteDesignated, ModelSiteWithdrawn {

    /** The {@code eventId} of every units message. */
    String NO_EVENT = "-";
}
