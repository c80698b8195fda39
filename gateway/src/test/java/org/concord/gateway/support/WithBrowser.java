package org.concord.gateway.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test of the class gets a fresh {@link Browser} as a parameter, closed after it; when a test fails, a
 * screenshot and the page's HTML go to {@code target/browser-screenshots/}. Without Chromium and chromedriver the
 * class is skipped, saying what to install.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Browsers.class)
public @interface WithBrowser {
}
