package io.conserver.app.link.handoff;

import static io.conserver.app.link.LinkTestSupport.bind;
import static io.conserver.app.link.LinkTestSupport.create;
import static io.conserver.app.link.LinkTestSupport.problems;
import static io.conserver.app.link.LinkTestSupport.sampleVcon;
import static org.assertj.core.api.Assertions.assertThat;

import io.conserver.app.link.LinkTestSupport.CountingInput;
import io.conserver.app.link.LinkTestSupport.RecordingContext;
import io.conserver.domain.link.Link;
import io.conserver.domain.link.LinkOutcome;
import org.junit.jupiter.api.Test;

class HandoffLinkTest {
    private final HandoffLinkFactory factory = new HandoffLinkFactory();

    @Test
    void handsTheIdToTheListWithoutLoadingTheVcon() throws Exception {
        CountingInput input = new CountingInput(sampleVcon());
        RecordingContext context = new RecordingContext();

        LinkOutcome outcome;
        try (Link link = create(factory, "{'list': 'transcribe_jobs'}")) {
            outcome = link.apply(input, context);
        }

        assertThat(outcome).isEqualTo(new LinkOutcome.HandOff("transcribe_jobs", null));
        assertThat(input.loads()).isZero();
        assertThat(context.pushes()).isEmpty();
    }

    @Test
    void optionsMapping() {
        assertThat(bind(factory, "{'list': 'gpu_queue'}")).isEqualTo(new HandoffLink.Options("gpu_queue"));
    }

    @Test
    void theListIsRequired() {
        assertThat(problems(factory, "{}")).containsExactly("links.test.options.list: must not be blank");
        assertThat(problems(factory, "{'list': ' '}")).containsExactly("links.test.options.list: must not be blank");
        assertThat(problems(factory, "{'list': 'a', 'lists': ['b']}")).singleElement().asString()
                .startsWith("links.test.options.lists: unknown option 'lists'; known options are [list]");
    }

    @Test
    void factoryNamesItsType() {
        assertThat(factory.type()).isEqualTo("handoff");
        assertThat(factory.optionsType()).isEqualTo(HandoffLink.Options.class);
    }
}
