package io.ibmcos.benchmarks.servers;

/** The few S3 XML response bodies the discard sink sends. */
final class S3Xml {

    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private S3Xml() {
    }

    static String initiateMultipartUpload(String bucket, String key, String uploadId) {
        return PROLOG + "<InitiateMultipartUploadResult xmlns=\"" + NS + "\"><Bucket>" + escape(bucket)
                + "</Bucket><Key>" + escape(key) + "</Key><UploadId>" + escape(uploadId)
                + "</UploadId></InitiateMultipartUploadResult>";
    }

    static String completeMultipartUpload(String bucket, String key, String eTag) {
        return PROLOG + "<CompleteMultipartUploadResult xmlns=\"" + NS + "\"><Location>http://127.0.0.1/"
                + escape(bucket) + "/" + escape(key) + "</Location><Bucket>" + escape(bucket) + "</Bucket><Key>"
                + escape(key) + "</Key><ETag>&quot;" + escape(eTag) + "&quot;</ETag></CompleteMultipartUploadResult>";
    }

    /** No parts: the sink keeps nothing, so that is the truth. */
    static String emptyPartListing(String bucket, String key, String uploadId) {
        return PROLOG + "<ListPartsResult xmlns=\"" + NS + "\"><Bucket>" + escape(bucket) + "</Bucket><Key>"
                + escape(key) + "</Key><UploadId>" + escape(uploadId) + "</UploadId><PartNumberMarker>0"
                + "</PartNumberMarker><NextPartNumberMarker>0</NextPartNumberMarker><MaxParts>1000</MaxParts>"
                + "<IsTruncated>false</IsTruncated></ListPartsResult>";
    }

    static String locationConstraint() {
        return PROLOG + "<LocationConstraint xmlns=\"" + NS + "\"/>";
    }

    static String emptyListing(String bucket) {
        return PROLOG + "<ListBucketResult xmlns=\"" + NS + "\"><Name>" + escape(bucket)
                + "</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated></ListBucketResult>";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
