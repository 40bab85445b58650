package io.ibmcos.emulator.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** AWS SDK v2 clients configured as design.md §3 prescribes for COS-compatible servers. */
public final class AwsSdk {
    private AwsSdk() {
    }

    /** The SDK's default HTTP client (Apache, 50 connections) serves every caller here. */
    public static S3Client client(URI endpoint, String accessKey, String secretKey) {
        return client(endpoint, accessKey, secretKey, "us-standard");
    }

    /** S3Proxy refuses the LocationConstraint the SDK derives from a non-AWS region: use us-east-1 there. */
    public static S3Client client(URI endpoint, String accessKey, String secretKey, String region) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public static S3Presigner presigner(URI endpoint, String accessKey, String secretKey, boolean pathStyle) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(Region.of("us-standard"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }
}
