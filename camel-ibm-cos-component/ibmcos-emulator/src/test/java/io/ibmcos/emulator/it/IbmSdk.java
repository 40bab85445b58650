package io.ibmcos.emulator.it;

import com.ibm.cloud.objectstorage.ClientConfiguration;
import com.ibm.cloud.objectstorage.auth.AWSStaticCredentialsProvider;
import com.ibm.cloud.objectstorage.auth.BasicAWSCredentials;
import com.ibm.cloud.objectstorage.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.ibm.cloud.objectstorage.oauth.BasicIBMOAuthCredentials;
import com.ibm.cloud.objectstorage.oauth.DefaultTokenManager;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3;
import com.ibm.cloud.objectstorage.services.s3.AmazonS3ClientBuilder;
import io.ibmcos.emulator.CosEmulator;

/** Builds IBM COS Java SDK clients for an emulator, the way IBM's documentation configures them. */
final class IbmSdk {
    private IbmSdk() {
    }

    static AmazonS3 hmac(CosEmulator cos) {
        return AmazonS3ClientBuilder.standard()
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(cos.accessKey(), cos.secretKey())))
                .withEndpointConfiguration(new EndpointConfiguration(cos.endpoint().toString(), "us-standard"))
                .withPathStyleAccessEnabled(true)
                .withClientConfiguration(new ClientConfiguration().withRequestTimeout(60_000))
                .build();
    }

    static AmazonS3 iam(CosEmulator cos) {
        return iam(cos, cos.apiKey());
    }

    static AmazonS3 iam(CosEmulator cos, String apiKey) {
        DefaultTokenManager tokens = new DefaultTokenManager(apiKey);
        tokens.setIamEndpoint(cos.iamEndpoint().toString());
        return AmazonS3ClientBuilder.standard()
                .withCredentials(new AWSStaticCredentialsProvider(new BasicIBMOAuthCredentials(tokens, cos.serviceInstanceId())))
                .withEndpointConfiguration(new EndpointConfiguration(cos.endpoint().toString(), "us-standard"))
                .withPathStyleAccessEnabled(true)
                .build();
    }
}
