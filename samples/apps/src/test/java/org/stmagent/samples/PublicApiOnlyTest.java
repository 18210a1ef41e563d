package org.stmagent.samples;

import org.junit.jupiter.api.Test;
import org.stmagent.testing.PublicApi;

/** The samples show what a user writes: plain Java, the annotations and the runtime's public API. */
class PublicApiOnlyTest {
    @Test
    void noSampleNamesARuntimeInternal() throws Exception {
        PublicApi.assertOnlyPublicApi(Samples.class);
    }
}
