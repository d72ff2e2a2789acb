package io.hedgedesk.web.security.inventory;

import io.hedgedesk.marketdata.importer.MarketImportService;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Teams;
import io.hedgedesk.web.support.UserSession;
import jakarta.inject.Singleton;
import java.net.URL;
import javax.sql.DataSource;

/** The application services and the database the security tests set up and check with: one bean for them all. */
@Singleton
class Fixtures {

    private final AppUserRepository users;
    private final TeamService teams;
    private final PortfolioService portfolios;
    private final HedgeBookService book;
    private final MarketImportService marketImports;
    private final Database db;

    Fixtures(
            AppUserRepository users,
            TeamService teams,
            PortfolioService portfolios,
            HedgeBookService book,
            MarketImportService marketImports,
            DataSource dataSource) {
        this.users = users;
        this.teams = teams;
        this.portfolios = portfolios;
        this.book = book;
        this.marketImports = marketImports;
        this.db = new Database(dataSource);
    }

    /** A new world of users and objects; names start with {@code prefix}. */
    World world(URL root, String prefix) throws Exception {
        return new World(root, this, prefix);
    }

    AppUserRepository users() {
        return users;
    }

    TeamService teams() {
        return teams;
    }

    PortfolioService portfolios() {
        return portfolios;
    }

    HedgeBookService book() {
        return book;
    }

    MarketImportService marketImports() {
        return marketImports;
    }

    Database db() {
        return db;
    }

    Teams support() {
        return new Teams(users, teams);
    }

    long userId(UserSession s) {
        return support().user(s).id();
    }
}
