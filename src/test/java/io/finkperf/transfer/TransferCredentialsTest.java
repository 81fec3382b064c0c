package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferCredentialsTest {

    @TempDir
    Path home;

    private Path write(String yaml) throws Exception {
        Path f = Credentials.defaultFile(home, TransferSurvey.ZTF);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void fileOfFinkClientV11UsesGroupUnderscoreId() throws Exception {
        // as fink_client_register writes it (PyYAML, sorted keys)
        Credentials c = Credentials.load(write("""
                group_id: my_group
                maxtimeout: 30
                mytopics:
                - sn_candidates
                password: null
                servers: kafka-ztf.fink-broker.org:24499
                survey: ztf
                username: me
                """));
        assertEquals("kafka-ztf.fink-broker.org:24499", c.servers());
        assertEquals("my_group", c.groupId());
        assertEquals(Duration.ofSeconds(30), c.maxTimeout());
    }

    @Test
    void fileOfFinkctlUsesGroupid() throws Exception {
        Credentials c = Credentials.load(write("""
                groupid: other_group
                servers: host:9092
                username: me
                """));
        assertEquals("other_group", c.groupId());
        assertEquals(Credentials.DEFAULT_TIMEOUT, c.maxTimeout());
    }

    @Test
    void pathIsPerSurvey() {
        assertEquals(home.resolve(".finkclient/lsst_credentials.yml"), Credentials.defaultFile(home, TransferSurvey.LSST));
    }

    @Test
    void missingFileOrKeysSayWhat() throws Exception {
        TransferException e = assertThrows(TransferException.class,
                () -> Credentials.load(home.resolve(".finkclient/ztf_credentials.yml")));
        assertEquals(TransferException.Kind.CREDENTIALS, e.kind());
        assertTrue(e.getMessage().contains("finkctl auth register"), e.getMessage());
        TransferException noGroup = assertThrows(TransferException.class, () -> Credentials.load(write("servers: h:1\n")));
        assertTrue(noGroup.getMessage().contains("group_id"), noGroup.getMessage());
    }
}
