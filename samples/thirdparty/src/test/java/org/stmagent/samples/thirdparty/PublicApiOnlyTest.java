package org.stmagent.samples.thirdparty;

import org.junit.jupiter.api.Test;
import org.stmagent.samples.thirdparty.harness.Harness;
import org.stmagent.testing.PublicApi;

/** The harness and its workloads drive libraries as they are: nothing of the runtime's internals. */
class PublicApiOnlyTest {
    @Test
    void noHarnessOrWorkloadClassNamesARuntimeInternal() throws Exception {
        PublicApi.assertOnlyPublicApi(Harness.class);
    }
}
