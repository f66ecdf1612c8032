package io.hoithao.presentations;

import io.hoithao.platform.testing.ServiceArchitectureTest;

/**
 * The boundaries of the service's code that the build checks (docs/decisions.md, "Boundaries the build checks").
 * Not yet {@link io.hoithao.platform.testing.Architecture#handlersWithoutMongoTemplates()}: some of its handlers still query Mongo themselves.
 */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(PresentationsApplication.class);
    }
}
