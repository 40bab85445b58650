package io.ibmcos.camel.support;

import io.ibmcos.client.model.CreateBucketRequest;
import io.ibmcos.client.model.ProtectionConfiguration;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One bucket of the {@link FakeCosClient}. */
public final class FakeBucket {
    public final String name;
    public final CreateBucketRequest creation;
    // concurrent: consumer tests list on the poll thread while the test thread writes
    public final NavigableMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    public ProtectionConfiguration protection;

    FakeBucket(String name, CreateBucketRequest creation) {
        this.name = name;
        this.creation = creation;
    }
}
