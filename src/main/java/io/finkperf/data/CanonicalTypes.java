package io.finkperf.data;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The types modules see, whatever the file stored. Fink Data Transfer and the Rubin samples went
 * through pandas (ints widened to long, floats to double, all-null ints to double), so every field
 * named here is cast back to the alert schema's own type. Fields not named keep the file's type.
 */
final class CanonicalTypes {

    /** ZTF alert packet v3.3 `candidate` (and, for the shared names, `prv_candidates`). */
    static final String ZTF_CANDIDATE_DDL = "jd DOUBLE,fid INT,pid BIGINT,diffmaglim FLOAT,"
            + "pdiffimfilename STRING,programpi STRING,programid INT,candid BIGINT,isdiffpos STRING,"
            + "tblid BIGINT,nid INT,rcid INT,field INT,xpos FLOAT,ypos FLOAT,ra DOUBLE,dec DOUBLE,"
            + "magpsf FLOAT,sigmapsf FLOAT,chipsf FLOAT,magap FLOAT,sigmagap FLOAT,distnr FLOAT,"
            + "magnr FLOAT,sigmagnr FLOAT,chinr FLOAT,sharpnr FLOAT,sky FLOAT,magdiff FLOAT,fwhm FLOAT,"
            + "classtar FLOAT,mindtoedge FLOAT,magfromlim FLOAT,seeratio FLOAT,aimage FLOAT,bimage FLOAT,"
            + "aimagerat FLOAT,bimagerat FLOAT,elong FLOAT,nneg INT,nbad INT,rb FLOAT,ssdistnr FLOAT,"
            + "ssmagnr FLOAT,ssnamenr STRING,sumrat FLOAT,magapbig FLOAT,sigmagapbig FLOAT,ranr DOUBLE,"
            + "decnr DOUBLE,sgmag1 FLOAT,srmag1 FLOAT,simag1 FLOAT,szmag1 FLOAT,sgscore1 FLOAT,"
            + "distpsnr1 FLOAT,ndethist INT,ncovhist INT,jdstarthist DOUBLE,jdendhist DOUBLE,scorr DOUBLE,"
            + "tooflag INT,objectidps1 BIGINT,objectidps2 BIGINT,sgmag2 FLOAT,srmag2 FLOAT,simag2 FLOAT,"
            + "szmag2 FLOAT,sgscore2 FLOAT,distpsnr2 FLOAT,objectidps3 BIGINT,sgmag3 FLOAT,srmag3 FLOAT,"
            + "simag3 FLOAT,szmag3 FLOAT,sgscore3 FLOAT,distpsnr3 FLOAT,nmtchps INT,rfid BIGINT,"
            + "jdstartref DOUBLE,jdendref DOUBLE,nframesref INT,rbversion STRING,dsnrms FLOAT,ssnrms FLOAT,"
            + "dsdiff FLOAT,magzpsci FLOAT,magzpsciunc FLOAT,magzpscirms FLOAT,nmatches INT,clrcoeff FLOAT,"
            + "clrcounc FLOAT,zpclrcov FLOAT,zpmed FLOAT,clrmed FLOAT,clrrms FLOAT,neargaia FLOAT,"
            + "neargaiabright FLOAT,maggaia FLOAT,maggaiabright FLOAT,exptime FLOAT,drb FLOAT,drbversion STRING";

    static final String ZTF_TOP_DDL = "objectId STRING,candid BIGINT,schemavsn STRING,publisher STRING";

    /** LSST alert schema (lsst.v7+) types of the DiaSource fields modules read. */
    static final String RUBIN_DIASOURCE_DDL = "diaSourceId BIGINT,diaObjectId BIGINT,ssObjectId BIGINT,"
            + "visit BIGINT,detector INT,midpointMjdTai DOUBLE,ra DOUBLE,dec DOUBLE,raErr FLOAT,decErr FLOAT,"
            + "band STRING,psfFlux FLOAT,psfFluxErr FLOAT,apFlux FLOAT,apFluxErr FLOAT,scienceFlux FLOAT,"
            + "scienceFluxErr FLOAT,templateFlux FLOAT,templateFluxErr FLOAT,snr FLOAT,extendedness FLOAT,"
            + "reliability FLOAT";

    static final String RUBIN_DIAOBJECT_DDL = "diaObjectId BIGINT,ra DOUBLE,dec DOUBLE,nDiaSources INT";

    static final String RUBIN_SSSOURCE_DDL = "ssObjectId BIGINT,diaSourceId BIGINT";

    static final String RUBIN_TOP_DDL = "diaSourceId BIGINT,observation_reason STRING,target_name STRING";

    private final Map<String, DataType> byPath = new HashMap<>();

    private CanonicalTypes() {
    }

    static CanonicalTypes of(Survey survey) {
        CanonicalTypes t = new CanonicalTypes();
        if (survey == Survey.ZTF) {
            t.put("", ZTF_TOP_DDL);
            t.put("candidate.", ZTF_CANDIDATE_DDL);
            t.put("prv_candidates.", ZTF_CANDIDATE_DDL);
        } else {
            t.put("", RUBIN_TOP_DDL);
            t.put("diaSource.", RUBIN_DIASOURCE_DDL);
            t.put("prvDiaSources.", RUBIN_DIASOURCE_DDL);
            t.put("diaObject.", RUBIN_DIAOBJECT_DDL);
            t.put("ssSource.", RUBIN_SSSOURCE_DDL);
        }
        return t;
    }

    /** Canonical type of a (possibly dotted) field, or {@code stored} when the schema does not fix it. */
    DataType typeOf(String path, DataType stored) {
        return byPath.getOrDefault(path, stored);
    }

    private void put(String prefix, String ddl) {
        for (StructField f : StructType.fromDDL(ddl).fields()) {
            byPath.put(prefix + f.name(), f.dataType());
        }
    }
}
