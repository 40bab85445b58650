package io.ibmcos.emulator.server;

import io.ibmcos.emulator.admin.Faults;
import io.ibmcos.emulator.admin.Stats;
import io.ibmcos.emulator.auth.Authenticator;
import io.ibmcos.emulator.ops.Dispatcher;
import io.ibmcos.emulator.protocol.Addressing;
import io.ibmcos.emulator.storage.Storage;
import java.time.Clock;

/** Everything a connection handler needs, shared by all connections of one emulator. */
public record EmulatorCore(Storage storage, Authenticator authenticator, Dispatcher dispatcher, Addressing addressing,
        Stats stats, Faults faults, Clock clock) {
}
