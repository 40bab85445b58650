package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AscpErrorsTest {

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 14, 15, 16, 17, 18, 23, 32, 33, 35, 36, 37, 39, 40, 44, 45, 61})
    void networkAndStallCodesAreRetried(int code) {
        assertThat(AscpErrors.retryable(code, "x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 20, 27, 28, 34, 38, 41, 51})
    void authCancelAndPermanentCodesAreNot(int code) {
        assertThat(AscpErrors.retryable(code, "x")).isFalse();
    }

    @Test
    void code14ForAnUnavailableTargetAddressIsNotRetried() {
        assertThat(AscpErrors.retryable(14, "Target address not available")).isFalse();
    }

    @Test
    void tokenRejectionIsAuthFailureOrATokenDescription() {
        assertThat(AscpErrors.tokenRejected(19, "failed to authenticate")).isTrue();
        assertThat(AscpErrors.tokenRejected(37, "Bearer token expired")).isTrue();
        assertThat(AscpErrors.tokenRejected(40, "Transfer stalled")).isFalse();
    }

    @Test
    void meaningsNameTheCause() {
        assertThat(AscpErrors.meaning(19)).isEqualTo("authentication failed");
        assertThat(AscpErrors.meaning(40)).isEqualTo("transfer stalled");
        assertThat(AscpErrors.meaning(99)).isEqualTo("ascp error 99");
    }

    @Test
    void backoffDoublesFromTwoSecondsUpToOneMinute() {
        AsperaTransferManager.RetrySettings r = AsperaTransferManager.RetrySettings.DEFAULT;
        assertThat(r.maxRetries()).isEqualTo(7);
        assertThat(r.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(r.delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(r.delay(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(r.delay(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(r.delay(30)).isEqualTo(Duration.ofSeconds(60));
    }
}
