package io.ibmcos.camel.quarkus.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The keys the consumer route delivered, in order, duplicates included (a duplicate is the bug to catch). */
@ApplicationScoped
public class ConsumedObjects {

    private final List<String> keys = new ArrayList<>();

    public synchronized void add(String key) {
        keys.add(key);
    }

    public synchronized List<String> keys() {
        return List.copyOf(keys);
    }
}
