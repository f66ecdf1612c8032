package io.hoithao.events.event;

/** Someone with a role in running the event: who directs it, who chairs it, who presents. */
public record Official(String name, String position, String unit, OfficialRole role) {
}
