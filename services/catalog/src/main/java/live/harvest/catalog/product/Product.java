package live.harvest.catalog.product;

import live.harvest.platform.event.common.ProductCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import live.harvest.platform.event.common.TemperatureClass;
import live.harvest.platform.state.StatusMachine;

import java.time.Instant;
import java.util.UUID;

/** A listing. Its search vector is a generated column the database maintains, so it is not mapped here. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "seller_id")
    public UUID sellerId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public ProductCategory category;
    @Column(name = "origin_county_code")
    public String originCountyCode;
    @Column(name = "origin_township_code")
    public String originTownshipCode;
    @Column(name = "gi_name")
    public String giName;
    @Column(name = "gi_registration_no")
    public String giRegistrationNo;
    public String grade;
    @Enumerated(EnumType.STRING)
    @Column(name = "temperature_class")
    public TemperatureClass temperatureClass;
    @Column(name = "shelf_life_days")
    public int shelfLifeDays;
    @Column(name = "image_urls")
    public String[] imageUrls;
    @Enumerated(EnumType.STRING)
    public ProductStatus status;
    @Column(name = "listed_at")
    public Instant listedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Moves along {@link ProductStatus}'s table; a move it does not list is 409 {@code invalid-transition}, which
     * the activation and delisting endpoints cannot ask for today.
     */
    public void moveTo(ProductStatus to) {
        StatusMachine.refuseUnless(status, to, "invalid-transition", "Product " + id);
        status = to;
        updatedAt = Instant.now();
    }
}
