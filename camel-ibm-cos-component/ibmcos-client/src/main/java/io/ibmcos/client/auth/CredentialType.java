package io.ibmcos.client.auth;

/** The two ways COS authenticates a request. */
public enum CredentialType {
    /** IBM Cloud IAM API key, exchanged for a bearer token. */
    IAM,
    /** HMAC access key / secret key pair, used for AWS Signature Version 4. */
    HMAC
}
