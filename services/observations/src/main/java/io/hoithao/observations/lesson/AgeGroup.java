package io.hoithao.observations.lesson;

/** The age groups of a Vietnamese preschool (mầm non), by the children's age in months. */
public enum AgeGroup {
    NHA_TRE("Nhà trẻ", 24, 36),
    MAU_GIAO_BE("Mẫu giáo bé", 36, 48),
    MAU_GIAO_NHO("Mẫu giáo nhỡ", 48, 60),
    MAU_GIAO_LON("Mẫu giáo lớn", 60, 72);

    private final String label;
    private final int fromMonths;
    private final int toMonths;

    AgeGroup(String label, int fromMonths, int toMonths) {
        this.label = label;
        this.fromMonths = fromMonths;
        this.toMonths = toMonths;
    }

    public String label() {
        return label;
    }

    public int fromMonths() {
        return fromMonths;
    }

    public int toMonths() {
        return toMonths;
    }
}
