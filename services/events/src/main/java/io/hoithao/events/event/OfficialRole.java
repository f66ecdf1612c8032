package io.hoithao.events.event;

/** Chỉ đạo, chủ trì, báo cáo. */
public enum OfficialRole {
    DIRECTING,
    CHAIRING,
    PRESENTING
}
