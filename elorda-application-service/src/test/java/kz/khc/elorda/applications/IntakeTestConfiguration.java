package kz.khc.elorda.applications;

import java.time.Clock;

import kz.khc.testsupport.MovableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The intake tests' time and signatures: one movable clock, which each test sets into the window of an edition of its
 * own, and one test CA that follows it and that the service alone trusts. Test classes import it; they run one at a
 * time, so they may share the clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IntakeTestConfiguration {

	public static final MovableClock CLOCK = new MovableClock();
	public static final TestSigning SIGNING = new TestSigning(CLOCK);

	@Bean
	@Primary
	Clock testClock() {
		return CLOCK;
	}

	@Bean
	static DynamicPropertyRegistrar signatureSettings() {
		return SIGNING::properties;
	}
}
