package io.ibmcos.camel.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibmcos.camel.IbmCosConfiguration;
import io.ibmcos.camel.IbmCosConstants;
import io.ibmcos.camel.IbmCosOperation;
import java.time.Instant;
import java.util.Date;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Header, then endpoint option, then default; errors name both the header and the option. */
class OptionResolverTest {

    private CamelContext context;
    private Exchange exchange;
    private IbmCosConfiguration config;

    @BeforeEach
    void setUp() {
        context = new DefaultCamelContext();
        exchange = new DefaultExchange(context);
        config = new IbmCosConfiguration();
        config.setBucketName("endpoint-bucket");
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
    }

    private OptionResolver resolver() {
        return new OptionResolver(exchange, config, IbmCosOperation.getObject);
    }

    @Test
    void headerWinsOverOption() {
        config.setKeyName("option-key");
        exchange.getMessage().setHeader(IbmCosConstants.KEY, "header-key");
        assertThat(resolver().key()).isEqualTo("header-key");
    }

    @Test
    void optionWhenNoHeader() {
        config.setKeyName("option-key");
        assertThat(resolver().key()).isEqualTo("option-key");
    }

    @Test
    void bucketHeaderOnlyWhenTheEndpointAllowsIt() {
        assertThat(resolver().bucket()).isEqualTo("endpoint-bucket");
        exchange.getMessage().setHeader(IbmCosConstants.BUCKET_NAME, "header-bucket");
        assertThat(resolver().bucket()).as("allowBucketOverride=false ignores the header").isEqualTo("endpoint-bucket");
        config.setAllowBucketOverride(true);
        assertThat(resolver().bucket()).isEqualTo("header-bucket");
    }

    @Test
    void defaultWhenNeither() {
        assertThat(resolver().orElse(IbmCosConstants.MAX_KEYS, Integer.class, 1000)).isEqualTo(1000);
    }

    @Test
    void missingRequiredValueNamesHeaderAndOptionAndOperation() {
        assertThatThrownBy(() -> resolver().key()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("getObject needs a value: set header CamelIbmCosKey or option keyName");
    }

    @Test
    void blankCountsAsMissing() {
        exchange.getMessage().setHeader(IbmCosConstants.KEY, "  ");
        assertThatThrownBy(() -> resolver().key()).hasMessageContaining("CamelIbmCosKey");
    }

    @Test
    void headersAreConverted() {
        exchange.getMessage().setHeader(IbmCosConstants.MAX_KEYS, "25");
        assertThat(resolver().header(IbmCosConstants.MAX_KEYS, Integer.class)).isEqualTo(25);
    }

    @Test
    void aHeaderThatDoesNotConvertIsNamed() {
        exchange.getMessage().setHeader(IbmCosConstants.RETENTION_PERIOD, "a week");
        assertThatThrownBy(() -> resolver().header(IbmCosConstants.RETENTION_PERIOD, Long.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(IbmCosConstants.RETENTION_PERIOD);
    }

    @Test
    void requiredHeaderNamesTheHeader() {
        assertThatThrownBy(() -> resolver().requiredHeader(IbmCosConstants.DESTINATION_KEY, String.class))
                .hasMessage("getObject needs header CamelIbmCosDestinationKey");
    }

    @Test
    void datesInEveryForm() {
        Instant t = Instant.parse("2031-02-03T04:05:06Z");
        for (Object form : new Object[] { t, Date.from(t), t.toEpochMilli(), "2031-02-03T04:05:06Z" }) {
            exchange.getMessage().setHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, form);
            assertThat(resolver().instant(IbmCosConstants.RETENTION_EXPIRATION_DATE)).isEqualTo(t);
        }
        exchange.getMessage().setHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, "next tuesday");
        assertThatThrownBy(() -> resolver().instant(IbmCosConstants.RETENTION_EXPIRATION_DATE))
                .hasMessageContaining(IbmCosConstants.RETENTION_EXPIRATION_DATE);
    }

    @Test
    void retentionHeaderOverridesOptionAndExpirationExcludesOptionPeriod() {
        config.setRetentionPeriod(100L);
        OptionResolver r = new OptionResolver(exchange, config, IbmCosOperation.putObject);
        assertThat(ObjectHeaderMapping.retention(r).periodSeconds()).isEqualTo(100L);
        exchange.getMessage().setHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE, "2031-01-01T00:00:00Z");
        assertThat(ObjectHeaderMapping.retention(r).periodSeconds()).as("a date header replaces the option period")
                .isNull();
        exchange.getMessage().setHeader(IbmCosConstants.RETENTION_PERIOD, 5L);
        assertThatThrownBy(() -> ObjectHeaderMapping.retention(r)).hasMessageContaining("exclude each other");
    }
}
