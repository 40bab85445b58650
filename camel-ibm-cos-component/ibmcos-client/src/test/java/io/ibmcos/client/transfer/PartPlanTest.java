package io.ibmcos.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PartPlanTest {

    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;

    @ParameterizedTest(name = "{0} bytes with {1} configured -> parts of {2}, {3} parts")
    @CsvSource({
        // length,          configured,  part size,    count
        "0,                 16777216,    16777216,     1",
        "1,                 16777216,    16777216,     1",
        "16777216,          16777216,    16777216,     1",
        "16777217,          16777216,    16777216,     2",
        "1073741824,        16777216,    16777216,     64",
        "1073741824,        1048576,     5242880,      205",    // raised to the 5 MiB minimum
        "209715200000,      16777216,    20971520,     10000",  // 200 000 MiB: raised to fit 10 000 parts
        "209715200001,      16777216,    20971521,     10000",
        "10995116277760,    16777216,    1099511628,   10000",  // 10 TiB
    })
    void knownLengths(long length, long configured, long partSize, int count) {
        PartPlan plan = PartPlan.forLength(length, configured);
        assertThat(plan.partSize()).isEqualTo(partSize);
        assertThat(plan.partCount()).isEqualTo(count);
        assertThat(plan.partCount()).isLessThanOrEqualTo(PartPlan.MAX_PARTS);
        long sum = 0;
        if (count <= 300) {
            for (int i = 1; i <= count; i++) {
                sum += plan.sizeOfPart(i);
                assertThat(plan.offsetOfPart(i)).isEqualTo((i - 1) * partSize);
            }
            assertThat(sum).isEqualTo(length);
        } else {
            assertThat(plan.offsetOfPart(count) + plan.sizeOfPart(count)).isEqualTo(length);
        }
    }

    @Test
    void partSizeIsClampedToCosLimits() {
        assertThat(PartPlan.forUnknownLength(1).partSize()).isEqualTo(5 * MIB);
        assertThat(PartPlan.forUnknownLength(6 * GIB).partSize()).isEqualTo(5 * GIB);
        assertThat(PartPlan.forUnknownLength(8 * MIB).partCount()).isEqualTo(-1);
    }

    @Test
    void tooLargeObjectsAndTooManyStreamPartsFailClearly() {
        assertThatThrownBy(() -> PartPlan.forLength(PartPlan.MAX_OBJECT_SIZE + 1, 16 * MIB))
                .hasMessageContaining("10000 parts");
        PartPlan stream = PartPlan.forUnknownLength(5 * MIB);
        stream.checkPartNumber(10_000);
        assertThatThrownBy(() -> stream.checkPartNumber(10_001)).hasMessageContaining("partSize");
    }

    @Test
    void settingsRejectOutOfRangeValuesNamingTheOption() {
        assertThatThrownBy(() -> new UploadSettings(MIB, MIB, 4, false)).hasMessageContaining("partSize");
        assertThatThrownBy(() -> new UploadSettings(16 * MIB, 16 * MIB, 0, false))
                .hasMessageContaining("multipartConcurrency");
        assertThatThrownBy(() -> new UploadSettings(16 * MIB, -1, 4, false)).hasMessageContaining("multipartThreshold");
    }
}
