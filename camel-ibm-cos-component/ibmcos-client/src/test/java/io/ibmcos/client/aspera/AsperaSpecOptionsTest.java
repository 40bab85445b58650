package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsperaSpecOptionsTest {

    private static TransferSpec spec() {
        TransferSpec s = TransferSpec.empty();
        s.json().put("remote_host", "ats-sl-fra.aspera.io").put("target_rate_kbps", 100000)
                .put("rate_policy", "fair").put("destination_root", "");
        return s;
    }

    @Test
    void ratesAreMbpsTimesThousandAndPolicyIsSet() {
        TransferSpec s = new AsperaSpecOptions(2500, 100, "HIGH", 4, false, 100, "/root").applyTo(spec());
        assertThat(s.number("target_rate_kbps")).isEqualTo(2_500_000L);
        assertThat(s.number("min_rate_kbps")).isEqualTo(100_000L);
        assertThat(s.text("rate_policy")).isEqualTo("high");
        assertThat(s.number("multi_session")).isEqualTo(4);
        assertThat(s.number("multi_session_threshold")).isEqualTo(100_000_000L);
        assertThat(s.text("destination_root")).isEqualTo("/root");
        assertThat(s.remoteHost()).isEqualTo("ats-sl-fra.aspera.io");
    }

    @Test
    void unsetValuesLeaveWhatAtsReturned() {
        TransferSpec s = AsperaSpecOptions.NONE.applyTo(spec());
        assertThat(s.number("target_rate_kbps")).isEqualTo(100_000L);
        assertThat(s.text("rate_policy")).isEqualTo("fair");
        assertThat(s.json().has("min_rate_kbps")).isFalse();
        assertThat(s.json().has("multi_session")).isFalse();
    }

    @Test
    void allSessionsRewritesTheFirstHostLabel() {
        TransferSpec s = AsperaSpecOptions.NONE.withMultiSession("all").applyTo(spec());
        assertThat(s.remoteHost()).isEqualTo("ats-sl-fra-all.aspera.io");
        assertThat(s.number("multi_session")).isZero();
        assertThat(AsperaSpecOptions.allNodesHost("mysubDomain.domain.realm")).isEqualTo("mysubDomain-all.domain.realm");
        assertThat(AsperaSpecOptions.allNodesHost("x-all.domain")).isEqualTo("x-all.domain");
        assertThat(AsperaSpecOptions.NONE.withMultiSession("3").multiSession()).isEqualTo(3);
    }

    @Test
    void invalidValuesNameTheSetting() {
        assertThatThrownBy(() -> new AsperaSpecOptions(null, null, null, null, false, 59, null))
                .hasMessageContaining("threshold").hasMessageContaining("60");
        assertThatThrownBy(() -> new AsperaSpecOptions(null, null, "turbo", null, false, null, null))
                .hasMessageContaining("rate policy");
        assertThatThrownBy(() -> new AsperaSpecOptions(10, 20, null, null, false, null, null))
                .hasMessageContaining("minimum rate");
        assertThatThrownBy(() -> AsperaSpecOptions.NONE.withMultiSession("many"))
                .hasMessageContaining("multi-session");
        assertThatThrownBy(() -> AsperaSpecOptions.NONE.withMultiSession("0")).hasMessageContaining("multi-session");
    }
}
