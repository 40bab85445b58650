package io.ibmcos.client.xml;

import io.ibmcos.client.model.LegalHold;
import io.ibmcos.client.model.RetentionState;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <RetentionState>} of {@code GET ?legalHold}. The holds wrapper is {@code LegalHolds} in IBM's SDK parsers
 * and {@code LegalHoldSet} in IBM's docs; both are accepted. Dates may be RFC-822 or ISO-8601.
 */
public final class LegalHoldXml {

    private LegalHoldXml() {
    }

    public static RetentionState parse(byte[] body) {
        XmlNode root = XmlNode.parse(body, "RetentionState");
        List<LegalHold> holds = new ArrayList<>();
        XmlNode wrapper = root.childAny("LegalHolds", "LegalHoldSet");
        if (wrapper != null) {
            for (XmlNode h : wrapper.all("LegalHold")) {
                holds.add(new LegalHold(h.childText("ID"), CosDates.parse(h.childText("Date"))));
            }
        }
        String period = root.childText("RetentionPeriod");
        return new RetentionState(CosDates.parse(root.childText("CreateTime")),
                period == null || period.isEmpty() ? null : Long.valueOf(period),
                CosDates.parse(root.childText("RetentionPeriodExpirationDate")), holds);
    }
}
