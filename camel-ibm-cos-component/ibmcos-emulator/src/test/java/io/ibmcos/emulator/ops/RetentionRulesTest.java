package io.ibmcos.emulator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.emulator.protocol.CosException;
import io.ibmcos.emulator.storage.LegalHold;
import io.ibmcos.emulator.storage.ProtectionConfig;
import io.ibmcos.emulator.storage.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final ProtectionConfig CFG = new ProtectionConfig(1, 10, 100, false);
    static final long DAY = 86_400;

    static void status(Runnable r, int status) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(CosException.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void protectionLimitsOrderingAndStickyPermanent() {
        RetentionRules.validateProtection(new ProtectionConfig(0, 0, 365_243, false), null);
        status(() -> RetentionRules.validateProtection(new ProtectionConfig(0, 0, 365_244, false), null), 400);
        status(() -> RetentionRules.validateProtection(new ProtectionConfig(-1, 0, 1, false), null), 400);
        status(() -> RetentionRules.validateProtection(new ProtectionConfig(5, 4, 10, false), null), 400);
        status(() -> RetentionRules.validateProtection(new ProtectionConfig(1, 11, 10, false), null), 400);
        status(() -> RetentionRules.validateProtection(CFG, new ProtectionConfig(1, 10, 100, true)), 400);
        RetentionRules.validateProtection(new ProtectionConfig(1, 10, 100, true), new ProtectionConfig(1, 10, 100, true));
    }

    @Test
    void retentionOnWrite() {
        assertThat(RetentionRules.forWrite(CFG, Map.<String, String>of()::get, NOW).periodSeconds()).isEqualTo(10 * DAY);
        Retention r = RetentionRules.forWrite(CFG, Map.of("Retention-Period", "172800")::get, NOW);
        assertThat(r.expiration()).isEqualTo(NOW.plusSeconds(2 * DAY));
        for (String date : List.of("Sat, 03 Jan 2026 00:00:00 GMT", "2026-01-03T00:00:00Z", "20260103T000000Z")) {
            assertThat(RetentionRules.forWrite(CFG, Map.of("Retention-Expiration-Date", date)::get, NOW).periodSeconds())
                    .as(date).isEqualTo(2 * DAY);
        }
        assertThat(RetentionRules.forWrite(CFG, Map.of("Retention-Period", "-1")::get, NOW).expiration()).isNull();
        status(() -> RetentionRules.forWrite(CFG, Map.of("Retention-Period", "-2")::get, NOW), 400);
        assertThat(RetentionRules.forWrite(new ProtectionConfig(0, 0, 1, true), Map.of("Retention-Period", "-2")::get, NOW)
                .periodSeconds()).isEqualTo(-2);
        status(() -> RetentionRules.forWrite(CFG, Map.of("Retention-Period", "60")::get, NOW), 400);
        status(() -> RetentionRules.forWrite(CFG, Map.of("Retention-Period", String.valueOf(101 * DAY))::get, NOW), 400);
        status(() -> RetentionRules.forWrite(CFG, Map.of("Retention-Period", "172800",
                "Retention-Expiration-Date", "2026-01-03T00:00:00Z")::get, NOW), 400);
        status(() -> RetentionRules.forWrite(CFG, Map.of("Retention-Expiration-Date", "next tuesday")::get, NOW), 400);
        status(() -> RetentionRules.forWrite(null, Map.of("Retention-Period", "1")::get, NOW), 400);
        assertThat(RetentionRules.forWrite(null, Map.<String, String>of()::get, NOW)).isNull();
    }

    @Test
    void legalHoldIdsDuplicatesAndLimit() {
        List<LegalHold> holds = RetentionRules.addHold(List.of(), "Case_1.(a)-b'!*", NOW);
        assertThat(holds).extracting(LegalHold::id).containsExactly("Case_1.(a)-b'!*");
        status(() -> RetentionRules.addHold(List.of(), "", NOW), 400);
        status(() -> RetentionRules.addHold(List.of(), "x".repeat(65), NOW), 400);
        status(() -> RetentionRules.addHold(List.of(), "no spaces", NOW), 400);
        status(() -> RetentionRules.addHold(holds, "Case_1.(a)-b'!*", NOW), 409);
        List<LegalHold> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(new LegalHold("h" + i, NOW));
        }
        status(() -> RetentionRules.addHold(hundred, "one-more", NOW), 400);
        assertThat(RetentionRules.removeHold(holds, "Case_1.(a)-b'!*")).isEmpty();
        status(() -> RetentionRules.removeHold(holds, "absent"), 400);
    }

    @Test
    void extendOnlyExtendsAndRespectsMaximum() {
        Retention current = new Retention(NOW, 2 * DAY, NOW.plusSeconds(2 * DAY));
        Instant later = NOW.plusSeconds(DAY);
        assertThat(RetentionRules.extend(current, CFG, Map.of("Additional-Retention-Period", "100")::get, later).periodSeconds())
                .isEqualTo(2 * DAY + 100);
        assertThat(RetentionRules.extend(current, CFG, Map.of("Extend-Retention-From-Current-Time", String.valueOf(5 * DAY))::get,
                later).expiration()).isEqualTo(later.plusSeconds(5 * DAY));
        assertThat(RetentionRules.extend(current, CFG, Map.of("New-Retention-Expiration-Date", "2026-01-05T00:00:00Z")::get,
                later).periodSeconds()).isEqualTo(4 * DAY);
        assertThat(RetentionRules.extend(current, CFG, Map.of("New-Retention-Period", String.valueOf(3 * DAY))::get, later)
                .expiration()).isEqualTo(NOW.plusSeconds(3 * DAY));
        status(() -> RetentionRules.extend(current, CFG, Map.of("New-Retention-Period", String.valueOf(DAY))::get, later), 400);
        status(() -> RetentionRules.extend(current, CFG, Map.of("Extend-Retention-From-Current-Time", "10")::get, later), 400);
        status(() -> RetentionRules.extend(current, CFG, Map.of("Additional-Retention-Period", String.valueOf(200 * DAY))::get, later), 400);
        status(() -> RetentionRules.extend(current, CFG, Map.<String, String>of()::get, later), 400);
        status(() -> RetentionRules.extend(current, CFG, Map.of("Additional-Retention-Period", "1",
                "New-Retention-Period", "1")::get, later), 400);
        Retention indefinite = new Retention(NOW, -1, null);
        assertThat(RetentionRules.extend(indefinite, CFG, Map.of("New-Retention-Period", "0")::get, later).activeAt(later)).isFalse();
        status(() -> RetentionRules.extend(new Retention(NOW, -2, null), new ProtectionConfig(0, 0, 10, true),
                Map.of("New-Retention-Period", "-1")::get, later), 400);
    }
}
