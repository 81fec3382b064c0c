package io.finkperf.runner.container;

import java.util.Locale;

/**
 * The image fink-science's own CI runs its tests in ({@code .github/workflows/run_test.yml}):
 * {@code fink-deps-sentinel-<survey>:latest}, built from fink-broker-images' {@code Dockerfile.sentinel}
 * (AlmaLinux 9, Miniconda; by the pins' reading Python 3.9 for ZTF, 3.11 for Rubin).
 */
public final class FinkCiImage {

    public static final String REPOSITORY = "gitlab-registry.in2p3.fr/astrolabsoftware/fink/fink-deps-sentinel-";

    private FinkCiImage() {
    }

    public static String forSurvey(String survey) {
        String s = survey.toLowerCase(Locale.ROOT);
        if (!s.equals("ztf") && !s.equals("rubin")) {
            throw new IllegalArgumentException("no fink-science CI image for survey '" + survey + "' (ztf or rubin)");
        }
        return REPOSITORY + s + ":latest";
    }
}
