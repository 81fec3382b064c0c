package io.finkperf.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Accepts {@code 90}, {@code 90s}, {@code 10m}, {@code 1h} or ISO-8601 {@code PT10M}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("pt")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            char unit = v.charAt(v.length() - 1);
            String num = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
            double amount = Double.parseDouble(num);
            double seconds = switch (unit) {
                case 'h' -> amount * 3600;
                case 'm' -> amount * 60;
                case 's' -> amount;
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException();
                    }
                    yield amount;
                }
            };
            if (seconds <= 0) {
                throw new CommandLine.TypeConversionException("duration must be positive: '" + value + "'");
            }
            return Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 90s, 10m, 1h)");
        }
    }
}
