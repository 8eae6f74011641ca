package live.harvest.catalog.seller;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SellerRepository implements PanacheRepositoryBase<Seller, UUID> {
}
