package io.hoithao.events.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hoithao.platform.web.ProblemException;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitRulesTest {

    private static Unit unit(UnitKind kind, UnitLevel level) {
        return new Unit("u-" + kind, "Đơn vị " + kind, "ĐV", kind, level, null, "/x", null, 0, null, null);
    }

    @Test
    void namesThatFoldAlikeAreStillTwoNames() {
        assertThat(UnitRules.nameKey("Tân Hòa")).isNotEqualTo(UnitRules.nameKey("Tân Hóa"));
        assertThat(UnitRules.siblingKey("p", "Tân Hòa")).isNotEqualTo(UnitRules.siblingKey("p", "Tân Hóa"));
        // while search sees them alike
        assertThat(UnitRules.searchTerms("Tân Hòa", "Tân Hòa")).isEqualTo(UnitRules.searchTerms("Tân Hóa", "Tân Hóa"));
    }

    @Test
    void oneNameWrittenInComposedOrDecomposedFormOrOtherCaseAndSpacingIsOneName() {
        String composed = "Trường Tiểu học Tân Hòa";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        assertThat(UnitRules.name("officialName", decomposed)).isEqualTo(composed);
        assertThat(UnitRules.name("officialName", "  Trường \t Tiểu học\u00a0Tân Hòa ")).isEqualTo(composed);
        assertThat(UnitRules.siblingKey("p", UnitRules.name("officialName", "TRƯỜNG TIỂU HỌC TÂN HÒA")))
                .isEqualTo(UnitRules.siblingKey("p", composed));
        assertThat(UnitRules.siblingKey(null, composed)).isNotEqualTo(UnitRules.siblingKey("p", composed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "---", "&&", "Tân\u0000Hòa", "Tân\u202eHòa", "Tân\u200bHòa", "Tân\nHòa\u0007"})
    void refusesNamesWithoutLettersOrWithInvisibleCharacters(String name) {
        assertThatThrownBy(() -> UnitRules.name("officialName", name))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(400));
    }

    @Test
    void refusesANameLongerThanTheLimit() {
        assertThatCode(() -> UnitRules.name("officialName", "a".repeat(UnitRules.MAX_NAME))).doesNotThrowAnyException();
        assertThatThrownBy(() -> UnitRules.name("officialName", "a".repeat(UnitRules.MAX_NAME + 1))).isInstanceOf(ProblemException.class);
    }

    @Test
    void administrativeKindsBelongToTheirLevel() {
        assertThatCode(() -> UnitRules.kindFitsLevel(UnitKind.DEPARTMENT, UnitLevel.PROVINCE)).doesNotThrowAnyException();
        assertThatThrownBy(() -> UnitRules.kindFitsLevel(UnitKind.DEPARTMENT, UnitLevel.DISTRICT)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> UnitRules.kindFitsLevel(UnitKind.DISTRICT_OFFICE, UnitLevel.SCHOOL)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> UnitRules.kindFitsLevel(UnitKind.SCHOOL, UnitLevel.PROVINCE)).isInstanceOf(ProblemException.class);
        for (UnitLevel level : UnitLevel.values()) {
            assertThatCode(() -> UnitRules.kindFitsLevel(UnitKind.CENTRE, level)).doesNotThrowAnyException();
            assertThatCode(() -> UnitRules.kindFitsLevel(UnitKind.OTHER, level)).doesNotThrowAnyException();
        }
    }

    @Test
    void aParentIsAboveItsUnitOrTheAdministrativeUnitOfItsLevel() {
        Unit department = unit(UnitKind.DEPARTMENT, UnitLevel.PROVINCE);
        Unit office = unit(UnitKind.DISTRICT_OFFICE, UnitLevel.DISTRICT);
        Unit school = unit(UnitKind.SCHOOL, UnitLevel.SCHOOL);
        Unit centre = unit(UnitKind.CENTRE, UnitLevel.DISTRICT);

        assertThatCode(() -> UnitRules.placement(UnitKind.DEPARTMENT, UnitLevel.PROVINCE, null)).doesNotThrowAnyException();
        assertThatCode(() -> UnitRules.placement(UnitKind.DISTRICT_OFFICE, UnitLevel.DISTRICT, department)).doesNotThrowAnyException();
        assertThatCode(() -> UnitRules.placement(UnitKind.SCHOOL, UnitLevel.SCHOOL, office)).doesNotThrowAnyException();
        assertThatCode(() -> UnitRules.placement(UnitKind.SCHOOL, UnitLevel.SCHOOL, department)).as("upper secondary").doesNotThrowAnyException();
        assertThatCode(() -> UnitRules.placement(UnitKind.CENTRE, UnitLevel.PROVINCE, department)).doesNotThrowAnyException();
        assertThatCode(() -> UnitRules.placement(UnitKind.SCHOOL, UnitLevel.SCHOOL, centre)).doesNotThrowAnyException();

        assertHierarchy(() -> UnitRules.placement(UnitKind.DEPARTMENT, UnitLevel.PROVINCE, department));
        assertHierarchy(() -> UnitRules.placement(UnitKind.DISTRICT_OFFICE, UnitLevel.DISTRICT, office));
        assertHierarchy(() -> UnitRules.placement(UnitKind.DISTRICT_OFFICE, UnitLevel.DISTRICT, centre));
        assertHierarchy(() -> UnitRules.placement(UnitKind.SCHOOL, UnitLevel.SCHOOL, school));
        assertHierarchy(() -> UnitRules.placement(UnitKind.CENTRE, UnitLevel.DISTRICT, centre));
        assertThatThrownBy(() -> UnitRules.placement(UnitKind.SCHOOL, UnitLevel.SCHOOL, null))
                .isInstanceOf(ProblemException.class).hasMessageContaining("invalid field");
    }

    private static void assertHierarchy(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).type().toString()).endsWith("/" + UnitRules.HIERARCHY))
                .satisfies(e -> assertThat(((ProblemException) e).status().value()).isEqualTo(409));
    }
}
