package live.harvest.logistics.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.logistics.network.NetworkDtos.CountyCreate;
import live.harvest.logistics.network.NetworkDtos.CountyUpdate;
import live.harvest.logistics.network.NetworkDtos.CountyView;
import live.harvest.platform.problem.DomainException;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class CountyService {

    private final NetworkRepository network;

    public CountyService(NetworkRepository network) {
        this.network = network;
    }

    @Transactional
    public CountyView create(CountyCreate request) {
        if (network.county(request.code()).isPresent()) {
            throw DomainException.conflict("county-exists", "County " + request.code() + " already exists");
        }
        County county = new County();
        county.code = request.code();
        county.name = request.name();
        county.province = request.province();
        county.createdAt = Instant.now();
        county.updatedAt = county.createdAt;
        county.persist();
        return CountyView.of(county);
    }

    @Transactional
    public CountyView update(String code, CountyUpdate request) {
        County county = require(code);
        county.name = request.name();
        county.province = request.province();
        county.updatedAt = Instant.now();
        return CountyView.of(county);
    }

    @Transactional
    public CountyView get(String code) {
        return CountyView.of(require(code));
    }

    @Transactional
    public List<CountyView> list() {
        return network.counties().stream().map(CountyView::of).toList();
    }

    /** Only an empty county can go: its centre would otherwise be orphaned. */
    @Transactional
    public void delete(String code) {
        County county = require(code);
        if (network.centreOfCounty(code).isPresent()) {
            throw DomainException.conflict("county-in-use", "County " + code + " still has a distribution centre");
        }
        county.delete();
    }

    private County require(String code) {
        return network.county(code).orElseThrow(() -> DomainException.notFound("County", code));
    }
}
