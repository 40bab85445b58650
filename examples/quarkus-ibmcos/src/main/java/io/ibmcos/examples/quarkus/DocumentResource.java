package io.ibmcos.examples.quarkus;

import io.ibmcos.camel.IbmCosConstants;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /documents/{key}} stores the request body in COS with the uploader and content type as metadata and, with
 * {@code ?retentionDays=N}, an IBM Immutable Object Storage retention period; {@code GET /documents/{key}} shows what
 * COS holds about it.
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    @Inject
    ProducerTemplate template;

    @ConfigProperty(name = "documents.bucket")
    String bucket;

    @POST
    @Path("/{key: .+}")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> upload(@PathParam("key") String key, byte[] body,
            @HeaderParam("Content-Type") String contentType, @HeaderParam("X-Uploaded-By") String uploadedBy,
            @QueryParam("retentionDays") Long retentionDays) {
        if (retentionDays != null && retentionDays < 0) {
            throw new WebApplicationException("retentionDays must be 0 or more", Response.Status.BAD_REQUEST);
        }
        Exchange ex = template.request("direct:store", e -> {
            e.getMessage().setHeader(IbmCosConstants.KEY, key);
            e.getMessage().setHeader(IbmCosConstants.CONTENT_TYPE, contentType);
            e.getMessage().setHeader(IbmCosConstants.METADATA,
                    Map.of("uploaded-by", uploadedBy == null ? "anonymous" : uploadedBy));
            if (retentionDays != null) {
                e.getMessage().setHeader(IbmCosConstants.RETENTION_PERIOD, retentionDays * 86_400);
            }
            e.getMessage().setBody(body);
        });
        rethrow(ex);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("bucket", bucket);
        stored.put("key", key);
        stored.put("eTag", ex.getMessage().getHeader(IbmCosConstants.E_TAG));
        stored.put("size", body.length);
        return stored;
    }

    @GET
    @Path("/{key: .+}")
    public Map<String, Object> describe(@PathParam("key") String key) {
        Exchange ex = template.request("ibmcos:" + bucket + "?operation=headObject",
                e -> e.getMessage().setHeader(IbmCosConstants.KEY, key));
        rethrow(ex);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("key", key);
        info.put("size", ex.getMessage().getHeader(IbmCosConstants.CONTENT_LENGTH));
        info.put("contentType", ex.getMessage().getHeader(IbmCosConstants.CONTENT_TYPE));
        info.put("metadata", ex.getMessage().getHeader(IbmCosConstants.METADATA));
        info.put("retentionPeriodSeconds", ex.getMessage().getHeader(IbmCosConstants.RETENTION_PERIOD));
        info.put("retainUntil", String.valueOf(ex.getMessage().getHeader(IbmCosConstants.RETENTION_EXPIRATION_DATE)));
        return info;
    }

    private static void rethrow(Exchange ex) {
        if (ex.getException() != null) {
            throw new WebApplicationException(ex.getException().getMessage(), ex.getException(),
                    Response.Status.BAD_GATEWAY);
        }
    }
}
