package org.concord.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Wrapped;
import org.concord.platform.PlatformTest;
import org.concord.testsupport.ConcordIntegrationTest;
import org.concord.testsupport.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** A database (or role) whose default is synchronous_commit=off cannot make the service's commits asynchronous. */
@PlatformTest
@ConcordIntegrationTest(database = TestDatabase.POSTGRESQL)
class DurableCommitsOnPostgreSqlTest {

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    DatabaseClient db;
    @Value("${spring.r2dbc.url}")
    String url;
    @Value("${spring.r2dbc.username}")
    String user;
    @Value("${spring.r2dbc.password:}")
    String password;

    @Test
    void the_service_commits_synchronously_even_where_the_database_default_says_otherwise() {
        String database = db.sql("SELECT current_database()").map(row -> row.get(0, String.class)).one().block();
        db.sql("ALTER DATABASE \"" + database + "\" SET synchronous_commit = off").then().block();

        ConnectionFactory plain = ConnectionFactories.get(ConnectionFactoryOptions.parse(url).mutate()
                .option(ConnectionFactoryOptions.USER, user).option(ConnectionFactoryOptions.PASSWORD, password).build());
        assertThat(synchronousCommit(plain)).as("a connection opened without the platform's settings").isEqualTo("off");

        ConnectionFactory services = connectionFactory instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory inner
                ? inner : connectionFactory;
        assertThat(synchronousCommit(services)).isEqualTo("on");
    }

    private static String synchronousCommit(ConnectionFactory factory) {
        return Mono.usingWhen(Mono.from(factory.create()),
                (Connection connection) -> Mono.from(connection.createStatement("SHOW synchronous_commit").execute())
                        .flatMap(result -> Mono.from(result.map((row, meta) -> row.get(0, String.class)))),
                Connection::close).block();
    }
}
