package io.ibmcos.examples.quickstart;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The quickstart's routes, with plain string URIs and {{...}} placeholders from application.properties.
 * Credentials are not in any URI: they are component properties (camel.component.ibmcos.*) set by the launcher.
 * The working routes start only after the setup route created the buckets (autoStartup false).
 */
public final class QuickstartRoutes extends RouteBuilder {

    private static final String DATA = "ibmcos:{{quickstart.dataBucket}}";
    private static final String LEGAL = "ibmcos:{{quickstart.legalBucket}}";

    private final QuickstartStats stats;

    public QuickstartRoutes(QuickstartStats stats) {
        this.stats = stats;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true).process(stats::failed);

        // Buckets: create when missing (a reused COS_BUCKET_PREFIX finds them), then a small protection policy on
        // the legal bucket. Keep these days small: on IBM Cloud a retained object cannot be deleted before its
        // retention ends, nor its bucket.
        from("direct:setup").routeId("setup")
                .setHeader("CamelIbmCosBucketName", simple("{{quickstart.dataBucket}}"))
                .to("direct:ensureBucket")
                .setHeader("CamelIbmCosBucketName", simple("{{quickstart.legalBucket}}"))
                .to("direct:ensureBucket")
                .setHeader("CamelIbmCosMinimumRetentionDays", constant(0))
                .setHeader("CamelIbmCosDefaultRetentionDays", constant(1))
                .setHeader("CamelIbmCosMaximumRetentionDays", constant(1))
                .to(LEGAL + "?operation=putBucketProtectionConfiguration")
                .log("protection configuration set on ${header.CamelIbmCosBucketName}: retention 0..1 day");

        // the bucket comes from the CamelIbmCosBucketName header: this endpoint opts in with allowBucketOverride
        from("direct:ensureBucket").routeId("ensure-bucket")
                .to(DATA + "?operation=headBucket&allowBucketOverride=true")
                .filter(simple("${header.CamelIbmCosBucketExists} == false"))
                    .to(DATA + "?operation=createBucket&allowBucketOverride=true")
                    .log("created bucket ${header.CamelIbmCosBucketName}");

        // Inbox -> COS. Files above the multipart threshold go through the parallel uploader, which logs its
        // progress every 10 %; files under legal/ go to the protected bucket with a retention period and a hold.
        from("file:{{quickstart.inbox}}?recursive=true&delete=true&sortBy=file:name").routeId("inbox")
                .autoStartup(false)
                .setHeader("CamelIbmCosKey", simple("${file:name}"))
                .process(QuickstartRoutes::userMetadata)
                .process(e -> e.setProperty(QuickstartStats.UPLOAD_STARTED, System.nanoTime()))
                .choice()
                    .when(header("CamelIbmCosKey").startsWith("legal/"))
                        .to(LEGAL + "?retentionPeriod={{quickstart.retentionSeconds}}")
                        .to(LEGAL + "?operation=addLegalHold&legalHoldId={{quickstart.legalHoldId}}")
                        .to(LEGAL + "?operation=listLegalHolds")
                        .process(stats::legalHoldApplied)
                    .otherwise()
                        .to(DATA)
                .end()
                .log("uploaded ${header.CamelIbmCosKey} (${header.CamelFileLength} bytes, ETag ${header.CamelIbmCosETag})")
                .process(stats::uploaded);

        // The non-destructive consumers: every (key, ETag) once, nothing deleted. includeBody=false sends no GET
        // (the report needs metadata only); idle polls send an empty exchange so the launcher can tell "nothing
        // more came" from "not polled yet".
        from(DATA + "?includeBody=false&delay={{quickstart.pollDelayMs}}&sendEmptyMessageWhenIdle=true"
                + "&bridgeErrorHandler=true").routeId("data-consumer")
                .autoStartup(false)
                .choice()
                    .when(header("CamelIbmCosKey").isNull()).process(stats::idlePoll)
                    .otherwise().to("direct:report");

        from(LEGAL + "?includeBody=false&delay={{quickstart.pollDelayMs}}&bridgeErrorHandler=true")
                .routeId("legal-consumer")
                .autoStartup(false)
                .to("direct:report");

        // headObject adds what a listing lacks: user metadata, retention and the legal-hold count; the bucket is the
        // one our own consumers set in CamelIbmCosBucketName (a trusted header, hence allowBucketOverride)
        from("direct:report").routeId("report")
                .to(DATA + "?operation=headObject&allowBucketOverride=true")
                .process(stats::consumed);

        // Paged listing: small pages, following CamelIbmCosContinuationToken until the producer removes it
        from("timer:listing?delay=10&period={{quickstart.listPeriodMs}}").routeId("lister")
                .autoStartup(false)
                .loopDoWhile(simple("${exchangeProperty." + QuickstartStats.PAGES + "} == null"
                        + " || ${header.CamelIbmCosContinuationToken} != null"))
                    .to(DATA + "?operation=listObjects&maxKeys={{quickstart.listPageSize}}")
                    .process(stats::listingPage)
                .end()
                .process(stats::listingDone);
    }

    /** User metadata on every object: where it came from and who put it there (x-amz-meta-* in COS). */
    private static void userMetadata(Exchange exchange) {
        String source = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        exchange.getMessage().setHeader("CamelIbmCosMetadata",
                Map.of("source-file", source, "uploaded-by", "ibmcos-quickstart"));
    }
}
