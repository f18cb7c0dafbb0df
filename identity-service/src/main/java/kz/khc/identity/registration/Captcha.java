package kz.khc.identity.registration;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** "I am not a robot": the page's token, checked with the captcha provider. A provider that fails is a no. */
@Component
class Captcha {

	private final CaptchaClient client;
	private final Settings settings;

	Captcha(RestClient.Builder http, Settings settings) {
		this.settings = settings;
		var requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build());
		requests.setReadTimeout(settings.timeout());
		this.client = HttpServiceProxyFactory
			.builderFor(RestClientAdapter.create(http.clone().baseUrl(settings.verifyUrl()).requestFactory(requests).build()))
			.build()
			.createClient(CaptchaClient.class);
	}

	boolean passed(String token, String clientAddress) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("secret", settings.secret());
		form.add("response", token);
		form.add("remoteip", clientAddress);
		try {
			CaptchaClient.Verdict verdict = client.verify(form);
			return verdict != null && verdict.success();
		}
		catch (RestClientException ex) {
			return false;
		}
	}

	/**
	 * @param verifyUrl the provider's API base, {@code …/siteverify} is appended
	 * @param secret the site's secret at the provider
	 */
	@ConfigurationProperties("identity.captcha")
	record Settings(String verifyUrl, String secret, Duration timeout) {
	}
}
