package kz.khc.identity.login;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clientId the realm's confidential client that alone may check citizens' passwords (password grant)
 * @param clientSecret its secret; never logged
 * @param minAnswerTime a refused login is answered no sooner: a known account's password hash at Keycloak and an
 * unknown IIN look alike
 */
@ConfigurationProperties("identity.login")
record LoginSettings(String clientId, String clientSecret, Duration minAnswerTime) {

	@Override
	public String toString() {
		return "LoginSettings[clientId=" + clientId + "]";
	}
}
