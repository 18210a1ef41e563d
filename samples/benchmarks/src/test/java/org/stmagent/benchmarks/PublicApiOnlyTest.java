package org.stmagent.benchmarks;

import org.junit.jupiter.api.Test;
import org.stmagent.testing.PublicApi;

/** The benchmarks measure what a user writes: plain Java, the annotations and the runtime's public API. */
class PublicApiOnlyTest {
    @Test
    void noBenchmarkNamesARuntimeInternal() throws Exception {
        PublicApi.assertOnlyPublicApi(Rewriting.class);
    }
}
