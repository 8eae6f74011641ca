package live.harvest.logistics.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.NetworkDtos.CentreCreate;
import live.harvest.logistics.network.NetworkDtos.CentreUpdate;
import live.harvest.logistics.network.NetworkDtos.CentreView;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CentreService {

    private final NetworkRepository network;
    private final EntityManager em;

    public CentreService(NetworkRepository network, EntityManager em) {
        this.network = network;
        this.em = em;
    }

    @Transactional
    public CentreView create(CentreCreate request) {
        if (network.centre(request.code()).isPresent()) {
            throw DomainException.conflict("centre-exists", "Centre " + request.code() + " already exists");
        }
        if (network.county(request.countyCode()).isEmpty()) {
            throw DomainException.unprocessable("unknown-county", "County " + request.countyCode() + " does not exist");
        }
        network.centreOfCounty(request.countyCode()).ifPresent(other -> {
            throw DomainException.conflict("county-has-centre",
                    "County " + request.countyCode() + " already has centre " + other.code);
        });
        Centre centre = new Centre();
        centre.code = request.code();
        centre.countyCode = request.countyCode();
        centre.name = request.name();
        centre.address = request.address();
        centre.coldStorage = request.coldStorage();
        centre.createdAt = Instant.now();
        centre.updatedAt = centre.createdAt;
        centre.persist();
        return CentreView.of(centre);
    }

    @Transactional
    public CentreView update(String code, CentreUpdate request) {
        Centre centre = require(code);
        centre.name = request.name();
        centre.address = request.address();
        centre.coldStorage = request.coldStorage();
        centre.updatedAt = Instant.now();
        return CentreView.of(centre);
    }

    @Transactional
    public CentreView get(String code) {
        return CentreView.of(require(code));
    }

    @Transactional
    public List<CentreView> list(String countyCode) {
        return network.centres(countyCode).stream().map(CentreView::of).toList();
    }

    /** A centre that has stations or has ever handled a shipment stays: shipments and waves refer to it. */
    @Transactional
    public void delete(String code) {
        Centre centre = require(code);
        if (!network.stations(code).isEmpty()) {
            throw DomainException.conflict("centre-in-use", "Centre " + code + " still has stations");
        }
        long shipments = ((Number) em.createNativeQuery("select count(*) from shipment"
                        + " where origin_centre_code = ?1 or destination_centre_code = ?1")
                .setParameter(1, code).getSingleResult()).longValue();
        if (shipments > 0) {
            throw DomainException.conflict("centre-in-use", "Centre " + code + " has handled shipments");
        }
        centre.delete();
    }

    Centre require(String code) {
        return network.centre(code).orElseThrow(() -> DomainException.notFound("Centre", code));
    }
}
