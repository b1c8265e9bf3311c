package org.knead.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the crash test ({@link CrashTest}, issue 11 part 7) in every build: two kill -9 of
 * the store and two of the public API during a stream of saves and publishes, then every
 * acknowledged write must be there and the API must agree with the store. The long run is
 * {@code ./knead crashtest} (README, "Durability").
 */
class CrashTestShortRunTest {

    @TempDir
    Path folder;

    @Test
    void killedStoreAndApiLoseNothingAcknowledged() throws Exception {
        CrashTest.Result result = new CrashTest(new CrashTest.Settings(2, 2, 6, 2, folder,
                System.currentTimeMillis())).run();

        assertThat(result.problems()).isEmpty();
        assertThat(result.lost()).isZero();
        assertThat(result.storeKills()).isEqualTo(2);
        assertThat(result.apiKills()).isEqualTo(2);
        assertThat(result.acknowledgedSaves()).isGreaterThan(10);
        assertThat(result.acknowledgedPublishes()).isPositive();
    }
}
