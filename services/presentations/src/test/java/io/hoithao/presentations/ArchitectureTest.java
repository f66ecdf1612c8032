package io.hoithao.presentations;

import io.hoithao.platform.testing.Architecture;
import io.hoithao.platform.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

/** The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks"). */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(PresentationsApplication.class);
    }

    @Test
    void handlersUseNoMongoTemplate() {
        Architecture.handlersWithoutMongoTemplates().check(classes());
    }

    /**
     * Public without a user the class files show: {@code PaperDecision}, whose {@code Refusal} material's service
     * names only as the type argument of a local variable (erased in the class files). Public for a test of another
     * package: {@code Photo} ({@code PhotoAlbumIT} reads the stored photos).
     */
    @Test
    void featureInternalsArePackagePrivate() {
        Architecture.featureInternalsPackagePrivate(PresentationsApplication.class,
                "io.hoithao.presentations.paper.PaperDecision",
                "io.hoithao.presentations.album.Photo").check(classes());
    }
}
