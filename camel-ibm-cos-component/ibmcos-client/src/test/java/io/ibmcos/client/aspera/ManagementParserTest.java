package io.ibmcos.client.aspera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagementParserTest {

    private final List<ManagementFrame> frames = new ArrayList<>();
    private final ManagementParser parser = new ManagementParser(frames::add);

    private void feed(String stream) {
        for (String line : stream.split("\n", -1)) {
            parser.line(line);
        }
    }

    @Test
    void parsesTheFramesAscpSentInTheLab() {
        // reference aspera.md §2.5: ascp 3.9 with a refused connection
        feed("""
                FASPMGR 2
                Type: INIT
                SessionId: 0e6f2b6a-3c0a-4e52-9f0b-3c1f1b2a7d10
                Direction: Send
                Operation: Transfer

                FASPMGR 2
                Type: SESSION
                Rate: 10000
                MinRate: 0
                Port: 33999
                Source: /data/src.txt
                Destination: /dest
                TCPPort: 33999
                Cipher: aes-128
                ResumePolicy: policy_none

                FASPMGR 2
                Type: ERROR
                Loss: 0
                Code: 44
                Description: Failed to open TCP connection for SSH
                SessionId: 0e6f2b6a-3c0a-4e52-9f0b-3c1f1b2a7d10

                """);
        assertThat(frames).extracting(ManagementFrame::type).containsExactly("INIT", "SESSION", "ERROR");
        assertThat(frames.get(0).get("SessionId")).isEqualTo("0e6f2b6a-3c0a-4e52-9f0b-3c1f1b2a7d10");
        assertThat(frames.get(1).number("Rate", -1)).isEqualTo(10000);
        assertThat(frames.get(2).number("Code", 0)).isEqualTo(44);
        assertThat(frames.get(2).get("Description")).isEqualTo("Failed to open TCP connection for SSH");
    }

    @Test
    void valuesKeepTheirColons() {
        feed("FASPMGR 2\nType: FILEERROR\nFile: C:\\data\\a.txt\nDescription: open failed: No such file: x\n\n");
        assertThat(frames.get(0).get("File")).isEqualTo("C:\\data\\a.txt");
        assertThat(frames.get(0).get("Description")).isEqualTo("open failed: No such file: x");
    }

    @Test
    void crLineEndsEscapesAndEmptyValuesAreTolerated() {
        feed("FASPMGR 2\r\nType: STOP\r\nFile: line\u001bnbreak\u001b\u001b.txt\r\nUserStr:\r\n\r\n");
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).get("File")).isEqualTo("line\nbreak\u001b.txt");
        assertThat(frames.get(0).get("UserStr")).isEmpty();
    }

    @Test
    void strayLinesAreIgnoredAndACutFrameIsStillDelivered() {
        feed("garbage before\nFASPMGR 2\nType: STATS\nno separator here\nTransferBytes: 10\n\nFASPMGR 2\nType: DONE");
        parser.end();
        assertThat(frames).extracting(ManagementFrame::type).containsExactly("STATS", "DONE");
        assertThat(frames.get(0).number("TransferBytes", 0)).isEqualTo(10);
        assertThat(parser.ignoredLines()).isEqualTo(2);
    }

    @Test
    void aHeaderWithoutBlankLineStartsANewFrame() {
        feed("FASPMGR 2\nType: STATS\nFASPMGR 2\nType: DONE\n\n");
        assertThat(frames).extracting(ManagementFrame::type).containsExactly("STATS", "DONE");
    }

    @Test
    void commandFramesRoundTrip() {
        String wire = ManagementFrame.command("CANCEL").encode();
        assertThat(wire).isEqualTo("FASPMGR 2\nType: CANCEL\n\n");
        feed(new ManagementFrame(java.util.Map.of("Type", "RATE", "Rate", "a\nb")).encode());
        assertThat(frames.get(0).get("Rate")).isEqualTo("a\nb");
    }
}
