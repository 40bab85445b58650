package io.ibmcos.camel;

import io.ibmcos.client.aspera.AscpEngine;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The Aspera options (operations asperaUpload and asperaDownload), kept apart from the other options so each class
 * stays readable; {@link IbmCosConfiguration} inherits them, so they are ordinary endpoint options.
 */
@UriParams
public class IbmCosAsperaConfiguration {

    /** What asperaUpload does when no ascp executable can be found. */
    public enum AsperaFallback {
        /** Fail at once, naming where ascp was searched. */
        none,
        /** Upload through the parallel multipart uploader instead (logged once as a warning). */
        multipart
    }

    @UriParam(label = "producer,aspera")
    private String asperaLocalPath;
    @UriParam(label = "producer,aspera")
    private Integer asperaTargetRateMbps;
    @UriParam(label = "producer,aspera")
    private Integer asperaMinRateMbps;
    @UriParam(label = "producer,aspera", enums = "fixed,high,fair,low")
    private String asperaRatePolicy;
    @UriParam(label = "producer,aspera")
    private String asperaMultiSession;
    @UriParam(label = "producer,aspera")
    private Integer asperaMultiSessionThresholdMb;
    @UriParam(label = "producer,aspera")
    private String asperaAscpPath;
    @UriParam(label = "producer,aspera,security")
    private String asperaKeyFile;
    @UriParam(label = "producer,aspera,security", secret = true)
    private String asperaKeyPassphrase;
    @UriParam(label = "producer,aspera", javaType = "java.time.Duration", defaultValue = "0")
    private long asperaTimeout;
    @UriParam(label = "producer,aspera", defaultValue = "10")
    private int asperaMaxConcurrent = AscpEngine.DEFAULT_MAX_CONCURRENT;
    @UriParam(label = "producer,aspera", defaultValue = "none", enums = "none,multipart")
    private AsperaFallback asperaFallback = AsperaFallback.none;

    public String getAsperaLocalPath() {
        return asperaLocalPath;
    }

    /**
     * The local file or folder: the target of asperaDownload, and the source of asperaUpload when the body is not a
     * File, Path or GenericFile. Header CamelIbmCosAsperaLocalPath overrides it.
     */
    public void setAsperaLocalPath(String asperaLocalPath) {
        this.asperaLocalPath = asperaLocalPath;
    }

    public Integer getAsperaTargetRateMbps() {
        return asperaTargetRateMbps;
    }

    /**
     * The Aspera target rate in Mbps (the spec's target_rate_kbps = value x 1000). Unset keeps what ATS returned.
     */
    public void setAsperaTargetRateMbps(Integer asperaTargetRateMbps) {
        this.asperaTargetRateMbps = asperaTargetRateMbps;
    }

    public Integer getAsperaMinRateMbps() {
        return asperaMinRateMbps;
    }

    /**
     * The Aspera minimum rate in Mbps (min_rate_kbps = value x 1000). Unset keeps what ATS returned.
     */
    public void setAsperaMinRateMbps(Integer asperaMinRateMbps) {
        this.asperaMinRateMbps = asperaMinRateMbps;
    }

    public String getAsperaRatePolicy() {
        return asperaRatePolicy;
    }

    /**
     * The Aspera rate policy: fixed, high, fair or low. Unset keeps what ATS returned (fair).
     */
    public void setAsperaRatePolicy(String asperaRatePolicy) {
        this.asperaRatePolicy = asperaRatePolicy;
    }

    public String getAsperaMultiSession() {
        return asperaMultiSession;
    }

    /**
     * Number of parallel ascp sessions for one transfer (1 to 128), or all to use every ATS node (IBM's "-all" host
     * mode). IBM suggests 2 or more, and 10 on links of 1 Gbps or more.
     */
    public void setAsperaMultiSession(String asperaMultiSession) {
        this.asperaMultiSession = asperaMultiSession;
    }

    public Integer getAsperaMultiSessionThresholdMb() {
        return asperaMultiSessionThresholdMb;
    }

    /**
     * Files at least this large (MB, at least 60) are split between the sessions of a multi-session transfer.
     */
    public void setAsperaMultiSessionThresholdMb(Integer asperaMultiSessionThresholdMb) {
        this.asperaMultiSessionThresholdMb = asperaMultiSessionThresholdMb;
    }

    public String getAsperaAscpPath() {
        return asperaAscpPath;
    }

    /**
     * Path of the ascp executable. When unset: environment variable IBMCOS_ASCP_PATH, an installation in the folder
     * .aspera of the user's home, IBM's cos-aspera jar on the classpath (extracted to .aspera/cos-aspera/VERSION in the
     * home folder), then the PATH.
     */
    public void setAsperaAscpPath(String asperaAscpPath) {
        this.asperaAscpPath = asperaAscpPath;
    }

    public String getAsperaKeyFile() {
        return asperaKeyFile;
    }

    /**
     * The SSH private key ascp authenticates with for token transfers (passed as -i), e.g. the aspera_tokenauth_id_rsa
     * of IBM's cos-aspera artifact.
     */
    public void setAsperaKeyFile(String asperaKeyFile) {
        this.asperaKeyFile = asperaKeyFile;
    }

    public String getAsperaKeyPassphrase() {
        return asperaKeyPassphrase;
    }

    /**
     * The passphrase of asperaKeyFile; handed to ascp only through its environment (ASPERA_SCP_PASS), never argv.
     */
    public void setAsperaKeyPassphrase(String asperaKeyPassphrase) {
        this.asperaKeyPassphrase = asperaKeyPassphrase;
    }

    public long getAsperaTimeout() {
        return asperaTimeout;
    }

    /**
     * The longest an Aspera transfer may take, retries included; it is cancelled after that. 0 = no limit.
     */
    public void setAsperaTimeout(long asperaTimeout) {
        this.asperaTimeout = asperaTimeout;
    }

    public int getAsperaMaxConcurrent() {
        return asperaMaxConcurrent;
    }

    /**
     * The most ascp processes this endpoint runs at once (a multi-session transfer uses one per session); further
     * sessions wait in line.
     */
    public void setAsperaMaxConcurrent(int asperaMaxConcurrent) {
        this.asperaMaxConcurrent = asperaMaxConcurrent;
    }

    public AsperaFallback getAsperaFallback() {
        return asperaFallback;
    }

    /**
     * What asperaUpload does when no ascp can be found: none fails at once; multipart uploads through the parallel
     * multipart uploader instead, logs a warning once and sets CamelIbmCosAsperaEngine=multipart.
     */
    public void setAsperaFallback(AsperaFallback asperaFallback) {
        this.asperaFallback = asperaFallback;
    }
}
