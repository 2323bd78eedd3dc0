package io.conserver.domain.vcon;

/** How serious a {@link Problem} is: an error rejects the vCon, a warning is reported and accepted. */
public enum Severity {
    ERROR,
    WARNING
}
