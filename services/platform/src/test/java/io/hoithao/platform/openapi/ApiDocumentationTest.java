package io.hoithao.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Collections;
import java.util.IdentityHashMap;
import org.junit.jupiter.api.Test;

class ApiDocumentationTest {

    @Test
    void javaOnlyPatternsMoveToAnExtensionAndPortableOnesStay() {
        StringSchema name = new StringSchema();
        name.setPattern("^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$");
        StringSchema unit = new StringSchema();
        unit.setPattern("(?s).*[\\p{L}\\p{N}].*");
        StringSchema code = new StringSchema();
        code.setPattern("^[A-Z0-9]{4}-[A-Z0-9]{4}$");
        ObjectSchema body = new ObjectSchema();
        body.addProperty("fullName", name).addProperty("unit", unit).addProperty("code", code);

        ApiDocumentation.portable(body, Collections.newSetFromMap(new IdentityHashMap<>()));

        assertThat(name.getPattern()).isNull();
        assertThat(name.getExtensions()).containsEntry("x-java-pattern", "^[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*$");
        assertThat(name.getDescription()).contains("checked by the server");
        assertThat(unit.getPattern()).isNull();
        assertThat(code.getPattern()).isEqualTo("^[A-Z0-9]{4}-[A-Z0-9]{4}$");
        assertThat(code.getExtensions()).isNull();
    }

    @Test
    void errorStatusesFollowWhatTheOperationReads() {
        assertThat(ApiDocumentation.statuses(true, false, false, false)).containsExactly(401, 403, 406, 429, 500, 503);
        assertThat(ApiDocumentation.statuses(true, false, true, true)).containsExactly(400, 401, 403, 404, 406, 429, 500, 503);
        assertThat(ApiDocumentation.statuses(false, true, true, true))
                .containsExactly(400, 401, 403, 404, 406, 409, 413, 415, 429, 500, 503);
    }
}
