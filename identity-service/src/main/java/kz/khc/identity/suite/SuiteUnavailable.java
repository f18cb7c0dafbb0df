package kz.khc.identity.suite;

/** Another service of the suite did not answer in time, failed, or its circuit is open; the person may retry. */
public class SuiteUnavailable extends RuntimeException {

	SuiteUnavailable(String service, Throwable cause) {
		super(service + " unavailable: " + cause.getClass().getSimpleName(), cause);
	}
}
