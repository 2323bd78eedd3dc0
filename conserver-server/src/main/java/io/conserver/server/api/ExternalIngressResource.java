package io.conserver.server.api;

import io.conserver.app.usecase.VconIntake;
import io.conserver.server.config.ConserverConfiguration;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A partner posts vCons to one ingress list with a token that opens that list alone (checked by
 * the auth filter). The answer says only the uuid, so a partner learns nothing else of the server.
 */
@Path("/vcon/external-ingress")
@Produces(MediaType.APPLICATION_JSON)
public final class ExternalIngressResource {
    private final VconIntake intake;
    private final long maxVconBytes;

    @Inject
    public ExternalIngressResource(VconIntake intake, ConserverConfiguration configuration) {
        this.intake = intake;
        this.maxVconBytes = configuration.getApi().getMaxVconSize().toBytes();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(@QueryParam("ingress_list") String list, InputStream body) {
        String name = Params.required("ingress_list", list);
        VconIntake.Accepted accepted = intake.accept(Bodies.read(body, maxVconBytes, "the vCon"), List.of(name));
        return Response.status(201).entity(Map.of("uuid", accepted.vcon().uuid())).build();
    }
}
