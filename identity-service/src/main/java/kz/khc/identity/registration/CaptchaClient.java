package kz.khc.identity.registration;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.PostExchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The captcha provider's check of a token the page got ("I am not a robot"), reCAPTCHA-style {@code siteverify}. */
interface CaptchaClient {

	/** Form fields {@code secret}, {@code response} (the page's token) and {@code remoteip}. */
	@PostExchange(url = "/siteverify", contentType = "application/x-www-form-urlencoded")
	Verdict verify(@RequestBody MultiValueMap<String, String> form);

	record Verdict(boolean success, @JsonProperty("error-codes") @Nullable List<String> errorCodes) {
	}
}
