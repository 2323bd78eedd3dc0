package io.conserver.domain.vcon;

import java.util.List;

/**
 * A vCon read successfully, with the warnings found on the way (legacy names read as current
 * ones, SHOULD-level findings). Errors never appear here: they throw {@link InvalidVconException}.
 */
public record ReadResult(Vcon vcon, List<Problem> warnings) {
    public ReadResult {
        warnings = List.copyOf(warnings);
    }
}
