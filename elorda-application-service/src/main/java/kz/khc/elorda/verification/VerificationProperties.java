package kz.khc.elorda.verification;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param workingDays the akimat verifies an edition's applications within this many working days after the last
 * day of its intake (DOMAIN A1)
 */
@ConfigurationProperties("elorda.verification")
@Validated
record VerificationProperties(@DefaultValue("30") @Positive int workingDays) {
}
