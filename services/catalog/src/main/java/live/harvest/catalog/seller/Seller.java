package live.harvest.catalog.seller;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A seller's profile; its id is the {@code seller_id} of the seller's tokens. */
@Entity
@Table(name = "seller")
public class Seller extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "display_name")
    public String displayName;
    @Enumerated(EnumType.STRING)
    public SellerKind kind;
    @Column(name = "cooperative_name")
    public String cooperativeName;
    @Column(name = "home_county_code")
    public String homeCountyCode;
    @Column(name = "home_township_code")
    public String homeTownshipCode;
    @Column(name = "contact_phone")
    public String contactPhone;
    public String bio;
    public boolean verified;
    @Column(name = "verification_note")
    public String verificationNote;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
