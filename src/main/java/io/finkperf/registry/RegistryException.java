package io.finkperf.registry;

/** A registry file or a module selection is wrong: one line naming file, module and field. */
public final class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
