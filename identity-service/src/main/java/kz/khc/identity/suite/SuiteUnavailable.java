package kz.khc.identity.suite;

/** Another service of the suite did not answer in time, failed, or its circuit is open; the person may retry. */
public class SuiteUnavailable extends RuntimeException {

	private final String service;

	public SuiteUnavailable(String service, Throwable cause) {
		super(service + " unavailable: " + cause.getClass().getSimpleName(), cause);
		this.service = service;
	}

	/** {@code notification-service} when the SMS with a code could not be sent. */
	public String service() {
		return service;
	}
}
