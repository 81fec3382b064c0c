package io.finkperf.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnergySettingsTest {

    @Test
    void defaults() {
        EnergySettings s = EnergySettings.defaults();
        assertEquals(1.25, s.pue());
        assertEquals("FR", s.intensity().code());
        assertEquals(56, s.intensity().gramsPerKWh());
        assertEquals(200_000, s.alertsPerNight());
        assertEquals(300, s.nightsPerYear());
        assertEquals(0.375, s.ramWattsPerGib());
    }

    @Test
    void countriesAndCustomIntensity() {
        assertEquals(381, CarbonIntensity.of("de").gramsPerKWh());
        assertEquals(475, CarbonIntensity.of(" WORLD ").gramsPerKWh());
        assertEquals(12.5, CarbonIntensity.custom(12.5).gramsPerKWh());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CarbonIntensity.of("XX"));
        assertTrue(e.getMessage().contains("FR, DE, GB, US, WORLD"), e.getMessage());
        CarbonIntensity.TABLE.values().forEach(c -> assertTrue(c.source().length() > 10, c.code()));
    }

    @Test
    void invalidValuesFailAtTheEdge() {
        EnergySettings s = EnergySettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.withPue(0.9));
        assertThrows(IllegalArgumentException.class, () -> s.withAlertsPerNight(0));
        assertThrows(IllegalArgumentException.class, () -> s.withNightsPerYear(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> s.withMaxBaselineS(-1));
        assertThrows(IllegalArgumentException.class, () -> CarbonIntensity.custom(-3));
    }
}
