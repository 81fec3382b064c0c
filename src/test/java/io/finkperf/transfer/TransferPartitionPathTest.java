package io.finkperf.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferPartitionPathTest {

    static final Schema CANDIDATE = SchemaBuilder.record("candidate").namespace("topLevelRecord").fields()
            .name("jd").type().doubleType().noDefault().endRecord();
    static final Schema ZTF = SchemaBuilder.record("value").namespace("topLevelRecord").fields()
            .name("candid").type().unionOf().longType().and().nullType().endUnion().noDefault()
            .name("candidate").type(CANDIDATE).noDefault()
            .name("finkclass").type().unionOf().stringType().and().nullType().endUnion().noDefault()
            .name("year").type().unionOf().intType().and().nullType().endUnion().noDefault()
            .name("month").type().unionOf().intType().and().nullType().endUnion().noDefault()
            .name("day").type().unionOf().intType().and().nullType().endUnion().noDefault()
            .endRecord();

    static GenericRecord alert(double jd, String finkclass) {
        GenericData.Record c = new GenericData.Record(CANDIDATE);
        c.put("jd", jd);
        GenericData.Record r = new GenericData.Record(ZTF);
        r.put("candid", 1L);
        r.put("candidate", c);
        r.put("finkclass", finkclass);
        r.put("year", 2024);
        return r;
    }

    @ParameterizedTest
    @CsvSource({
        "2460507.5, year=2024/month=07/day=16",   // midnight UTC starts the day
        "2460507.4999, year=2024/month=07/day=15",
        "2460507.9, year=2024/month=07/day=16",
        "2440587.5, year=1970/month=01/day=01",
        "2451544.5, year=2000/month=01/day=01"})
    void timeFolderIsTheUtcDateOfTheJulianDate(double jd, String folder) {
        assertEquals(folder, PartitionPath.timeFolder(jd));
    }

    @Test
    void ztfTimeUsesCandidateJdAndDropsTheIntDateColumns() {
        PartitionPath p = PartitionPath.of(PartitionBy.TIME, TransferSurvey.ZTF, ZTF);
        assertEquals(PartitionBy.TIME, p.effective());
        assertEquals("year=2024/month=07/day=16", p.folderOf(alert(2460507.9, "SN candidate")));
        assertNull(p.fileSchema().getField("year"));
        assertNull(p.fileSchema().getField("day"));
        GenericRecord projected = p.project(alert(2460507.9, "x"));
        assertEquals(1L, projected.get("candid"));
        assertEquals("x", projected.get("finkclass"));
    }

    @Test
    void lsstTimeReadsTheMjdOfDiaSource() {
        Schema dia = SchemaBuilder.record("diaSource").fields().name("midpointMjdTai").type().doubleType().noDefault().endRecord();
        Schema s = SchemaBuilder.record("value").fields().name("diaSource").type(dia).noDefault().endRecord();
        GenericData.Record d = new GenericData.Record(dia);
        d.put("midpointMjdTai", 60507.25); // 2024-07-16 06:00 UTC
        GenericData.Record r = new GenericData.Record(s);
        r.put("diaSource", d);
        assertEquals("year=2024/month=07/day=16", PartitionPath.of(PartitionBy.TIME, TransferSurvey.LSST, s).folderOf(r));
    }

    @Test
    void classFoldersAreEscapedAsSparkUnescapesThem() {
        PartitionPath p = PartitionPath.of(PartitionBy.FINKCLASS, TransferSurvey.ZTF, ZTF);
        assertEquals("finkclass=SN candidate", p.folderOf(alert(2460507.9, "SN candidate")));
        assertEquals("finkclass=EB%2A", p.folderOf(alert(2460507.9, "EB*")));
        assertEquals("finkclass=a%2Fb%3Dc", p.folderOf(alert(2460507.9, "a/b=c")));
        assertEquals("finkclass=" + PartitionPath.NULL_VALUE, p.folderOf(alert(2460507.9, null)));
        assertNull(p.fileSchema().getField("finkclass"));
        assertEquals(ZTF.getField("year").schema(), p.fileSchema().getField("year").schema());
    }

    @Test
    void missingClassColumnFallsBackToTimeOnlyWithTopLevelJd() {
        assertEquals(PartitionBy.NONE, PartitionPath.of(PartitionBy.TNSCLASS, TransferSurvey.ZTF, ZTF).effective());
        Schema withJd = SchemaBuilder.record("value").fields().name("jd").type().doubleType().noDefault().endRecord();
        assertEquals(PartitionBy.TIME, PartitionPath.of(PartitionBy.TNSCLASS, TransferSurvey.ZTF, withJd).effective());
    }

    @Test
    void noPartitioningKeepsTheSchemaAndRecords() {
        PartitionPath p = PartitionPath.of(PartitionBy.NONE, TransferSurvey.ZTF, ZTF);
        GenericRecord a = alert(2460507.9, "x");
        assertEquals("", p.folderOf(a));
        assertSame(a, p.project(a));
    }
}
