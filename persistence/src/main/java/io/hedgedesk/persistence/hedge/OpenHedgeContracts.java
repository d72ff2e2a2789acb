package io.hedgedesk.persistence.hedge;

import io.hedgedesk.domain.hedge.HedgeStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** The contracts that open hedges (of every team) are held in: what the market-data refresh keeps current. */
@ApplicationScoped
public class OpenHedgeContracts {

    /** The distinct catalog ids of the contracts of all open hedges, sorted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> contractIds() {
        return Panache.getEntityManager()
                .createQuery(
                        "select distinct h.contractId from HedgePositionEntity h where h.status = :open"
                                + " order by h.contractId",
                        String.class)
                .setParameter("open", HedgeStatus.OPEN)
                .getResultList();
    }
}
