package io.ibmcos.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomFaultsTest {

    private static final List<FaultRule> KINDS = List.of(FaultRule.fail(null, 500, "InternalError"),
            FaultRule.latency(null, 10));

    private static List<FaultRule> draws(long seed, int n) {
        Faults faults = new Faults();
        faults.addRandom(new RandomFaults(seed, 0.2, KINDS, Set.of()));
        List<FaultRule> drawn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drawn.add(faults.match("PutObject", "k" + i));
        }
        return drawn;
    }

    @Test
    void theSameSeedInjectsTheSameFaultsInTheSameRequestOrder() {
        assertThat(draws(7, 500)).isEqualTo(draws(7, 500));
        assertThat(draws(7, 500)).isNotEqualTo(draws(8, 500));
    }

    @Test
    void theRateIsRoughlyKeptAndCounted() {
        RandomFaults random = new RandomFaults(1, 0.05, KINDS, Set.of("UploadPart"));
        Faults faults = new Faults();
        faults.addRandom(random);
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            hits += faults.match("UploadPart", null) != null ? 1 : 0;
            assertThat(faults.match("GetObject", null)).as("other operations untouched").isNull();
        }
        assertThat(hits).isBetween(400, 600);
        assertThat(random.total()).isEqualTo(hits);
        assertThat(random.injected().keySet()).allMatch(k -> k.startsWith("UploadPart "));
    }

    @Test
    void explicitRulesComeFirstAndClearRemovesBoth() {
        Faults faults = new Faults();
        faults.addRandom(new RandomFaults(1, 1.0, KINDS, Set.of()));
        FaultRule explicit = FaultRule.fail("PutObject", 503, "SlowDown");
        faults.add(explicit);
        assertThat(faults.match("PutObject", "k")).isSameAs(explicit);
        assertThat(faults.match("PutObject", "k")).isIn(KINDS);
        faults.clear();
        assertThat(faults.match("PutObject", "k")).isNull();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new RandomFaults(1, 1.5, KINDS, Set.of())).hasMessageContaining("rate");
        assertThatThrownBy(() -> new RandomFaults(1, 0.5, List.of(), Set.of())).hasMessageContaining("fault");
    }
}
