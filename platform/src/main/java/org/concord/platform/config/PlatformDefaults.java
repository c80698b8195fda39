package org.concord.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.concord.platform.startup.DatabasePathCheck;
import org.concord.platform.startup.DurableCommits;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every Concord service shares (producer durability, actuator groups, problem
 * details, ...) as the lowest-precedence property source, so a service's own file overrides them, and what the
 * observability switches mean ({@link ObservabilitySwitches}); then checks
 * that an H2 file database can be written, and writes each commit at once, before anything tries to open it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String LOCATION = "concord/platform-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("concordPlatformDefaults", new ClassPathResource(LOCATION))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        environment.getPropertySources().addLast(new MapPropertySource("concordObservability",
                ObservabilitySwitches.properties(environment)));
        DatabasePathCheck.check(environment.getProperty("spring.flyway.url"));
        DurableCommits.checkH2("spring.r2dbc.url", environment.getProperty("spring.r2dbc.url"));
        DurableCommits.checkH2("spring.flyway.url", environment.getProperty("spring.flyway.url"));
    }
}
