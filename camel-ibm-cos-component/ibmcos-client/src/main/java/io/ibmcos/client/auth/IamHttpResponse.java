package io.ibmcos.client.auth;

/**
 * What IAM answered: the status and the (JSON) body.
 *
 * @param status HTTP status code
 * @param body   response body, possibly empty, never null
 */
public record IamHttpResponse(int status, String body) {

    public IamHttpResponse {
        body = body == null ? "" : body;
    }

    /** Does not print the body: a successful one contains a bearer token. */
    @Override
    public String toString() {
        return "IamHttpResponse[status=" + status + ", body=" + body.length() + " chars]";
    }
}
