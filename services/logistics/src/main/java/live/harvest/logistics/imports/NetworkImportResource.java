package live.harvest.logistics.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import live.harvest.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/network/imports")
@Tag(name = "Network")
public class NetworkImportResource {

    private final NetworkImportService service;

    public NetworkImportResource(NetworkImportService service) {
        this.service = service;
    }

    /** Validated as a whole by the service (not {@code @Valid}) so that every problem is reported at once. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import (upsert) a whole county network from one document",
            description = "All or nothing: if any row is wrong nothing is imported and the problem lists every "
                    + "error with its path in the document, e.g. stations[2].townships[0]. Re-importing the same "
                    + "document is a no-op.")
    @APIResponse(responseCode = "200", description = "Imported; counts of created and updated rows")
    @APIResponse(responseCode = "400", description = "The document has errors; nothing was imported")
    public NetworkImport.Result importNetwork(NetworkImport document) {
        return service.importNetwork(document);
    }
}
