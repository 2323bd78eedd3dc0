package io.conserver.domain.link;

import io.conserver.domain.vcon.Vcon;
import java.util.List;
import java.util.Objects;

/** A new vCon a link made, with the lists its id is pushed to once it is stored. */
public record EmittedVcon(Vcon vcon, List<String> lists) {
    public EmittedVcon {
        Objects.requireNonNull(vcon, "vcon is null");
        lists = List.copyOf(lists);
    }
}
