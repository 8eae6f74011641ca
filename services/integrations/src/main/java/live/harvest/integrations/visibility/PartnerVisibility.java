package live.harvest.integrations.visibility;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The counties, logistics sites and payment partner id an admin granted one partner (none until set). */
@Entity
@Table(name = "partner_visibility")
public class PartnerVisibility extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public UUID partnerId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_visibility_county", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "county_code")
    public Set<String> counties = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "partner_visibility_site", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "site_code")
    public Set<String> sites = new TreeSet<>();

    /** The {@code X-Payment-Partner} id a payment provider's callbacks carry; payment providers only. */
    @Column(name = "payment_partner_id")
    public String paymentPartnerId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
