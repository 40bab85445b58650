package io.ibmcos.emulator.admin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The active fault rules. Each request consults the rules in the order they were added; the first rule that
 * matches and has no skips left fires (and is used up after {@code count} firings).
 */
public final class Faults {
    private static final class Active {
        final FaultRule rule;
        int skipLeft;
        int left;

        Active(FaultRule rule) {
            this.rule = rule;
            this.skipLeft = rule.skip();
            this.left = rule.count();
        }
    }

    private final List<Active> rules = new ArrayList<>();
    private final List<RandomFaults> random = new ArrayList<>();

    /** Adds a seeded random fault source, consulted when no explicit rule matches. */
    public synchronized void addRandom(RandomFaults faults) {
        random.add(faults);
    }

    public synchronized void add(FaultRule rule) {
        rules.add(new Active(rule));
    }

    public synchronized void clear() {
        rules.clear();
        random.clear();
    }

    /** The rules still active, with their original settings. */
    public synchronized List<FaultRule> rules() {
        return rules.stream().map(a -> a.rule).toList();
    }

    /** The fault for this request, or null. Consumes a skip or a firing of every rule it touches. */
    public synchronized FaultRule match(String operation, String key) {
        for (Iterator<Active> it = rules.iterator(); it.hasNext();) {
            Active a = it.next();
            if (!a.rule.matches(operation, key)) {
                continue;
            }
            if (a.skipLeft > 0) {
                a.skipLeft--;
                continue;
            }
            if (a.left > 0 && --a.left == 0) {
                it.remove();
            }
            return a.rule;
        }
        for (RandomFaults r : random) {
            FaultRule drawn;
            synchronized (r) {
                drawn = r.draw(operation);
            }
            if (drawn != null) {
                return drawn;
            }
        }
        return null;
    }
}
