package kz.khc.scoring.directions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import kz.khc.contracts.scoring.v1.BankOutcome;

import org.jspecify.annotations.Nullable;

/**
 * A failed qualification states its reason (DOMAIN A3): the applicant loses the place over it and may contest it, so
 * the bank cannot record one without saying why. Reported on the field {@code reason}; its message is the key
 * {@code ReasonForFailure}.
 */
@Documented
@Constraint(validatedBy = ReasonForFailure.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface ReasonForFailure {

	String message() default "{ReasonForFailure}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ReasonForFailure, DirectionController.Outcome> {

		@Override
		public boolean isValid(DirectionController.@Nullable Outcome outcome, ConstraintValidatorContext context) {
			if (outcome == null || outcome.outcome() != BankOutcome.QUALIFICATION_FAILED
					|| (outcome.reason() != null && !outcome.reason().isBlank())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("reason")
				.addConstraintViolation();
			return false;
		}
	}
}
