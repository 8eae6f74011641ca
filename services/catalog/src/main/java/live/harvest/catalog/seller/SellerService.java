package live.harvest.catalog.seller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import live.harvest.catalog.seller.SellerDtos.ProfileRequest;
import live.harvest.catalog.seller.SellerDtos.PublicSeller;
import live.harvest.catalog.seller.SellerDtos.SellerProfile;
import live.harvest.catalog.seller.SellerDtos.VerificationRequest;
import live.harvest.platform.problem.DomainException;
import live.harvest.platform.problem.Problem.FieldError;
import live.harvest.platform.region.RegionCodes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SellerService {

    public record Saved(SellerProfile profile, boolean created) {
    }

    private final SellerRepository sellers;

    public SellerService(SellerRepository sellers) {
        this.sellers = sellers;
    }

    /** Creates or replaces the caller's own profile. Verification is the admin's and survives edits. */
    @Transactional
    public Saved saveOwn(UUID sellerId, ProfileRequest request) {
        if (!RegionCodes.within(request.homeTownshipCode(), request.homeCountyCode())) {
            throw DomainException.invalid(List.of(new FieldError("homeTownshipCode",
                    "township " + request.homeTownshipCode() + " is not within county " + request.homeCountyCode())));
        }
        if (request.kind() == SellerKind.COOPERATIVE && blank(request.cooperativeName())) {
            throw DomainException.invalid(List.of(new FieldError("cooperativeName",
                    "is required for a cooperative")));
        }
        Instant now = Instant.now();
        Seller seller = sellers.findByIdOptional(sellerId).orElse(null);
        boolean created = seller == null;
        if (created) {
            seller = new Seller();
            seller.id = sellerId;
            seller.createdAt = now;
        }
        seller.displayName = request.displayName().strip();
        seller.kind = request.kind();
        seller.cooperativeName = blank(request.cooperativeName()) ? null : request.cooperativeName().strip();
        seller.homeCountyCode = request.homeCountyCode();
        seller.homeTownshipCode = request.homeTownshipCode();
        seller.contactPhone = request.contactPhone();
        seller.bio = request.bio();
        seller.updatedAt = now;
        if (created) {
            sellers.persist(seller);
        }
        return new Saved(SellerProfile.of(seller), created);
    }

    @Transactional
    public SellerProfile own(UUID sellerId) {
        return SellerProfile.of(require(sellerId));
    }

    @Transactional
    public PublicSeller publicProfile(UUID sellerId) {
        return PublicSeller.of(require(sellerId));
    }

    @Transactional
    public SellerProfile verify(UUID sellerId, VerificationRequest request) {
        Seller seller = require(sellerId);
        seller.verified = request.verified();
        seller.verificationNote = request.note();
        seller.verifiedAt = request.verified() ? Instant.now() : null;
        seller.updatedAt = Instant.now();
        return SellerProfile.of(seller);
    }

    /** The seller, or 404. Used by other features inside a transaction. */
    public Seller require(UUID sellerId) {
        return sellers.findByIdOptional(sellerId).orElseThrow(() -> DomainException.notFound("Seller", sellerId));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
