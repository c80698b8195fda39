package org.concord.testsupport.system;

import java.net.URI;

import org.concord.testsupport.http.Http;
import org.springframework.context.ConfigurableApplicationContext;

/** One service of a {@link ConcordSystem}: its name, where it listens, a client of it, and its application context. */
public final class RunningService implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;
    private final URI url;

    RunningService(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        this.url = URI.create("http://localhost:" + port);
    }

    public String name() {
        return name;
    }

    /** {@code http://localhost:<port>} */
    public URI url() {
        return url;
    }

    /** JSON over HTTP to this service. */
    public Http http() {
        return new Http(url);
    }

    /** For a test that needs one of the service's beans. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
