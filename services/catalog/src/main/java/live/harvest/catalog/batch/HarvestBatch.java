package live.harvest.catalog.batch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One harvest of a product, identified publicly by its trace code. */
@Entity
@Table(name = "harvest_batch")
public class HarvestBatch extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "product_id")
    public UUID productId;
    @Column(name = "trace_code")
    public String traceCode;
    @Column(name = "harvest_date")
    public LocalDate harvestDate;
    public BigDecimal quantity;
    public String unit;
    @Column(name = "quality_certificate_no")
    public String qualityCertificateNo;
    @Column(name = "origin_village_code")
    public String originVillageCode;
    public String notes;
    @Column(name = "created_at")
    public Instant createdAt;
}
