package kz.khc.scoring.assessments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import kz.khc.contracts.Iin;

import org.jspecify.annotations.Nullable;

/** An IIN with a right check digit (DOMAIN "Kazakhstan specifics"); its message is the key {@code ValidIin}. */
@Documented
@Constraint(validatedBy = ValidIin.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ValidIin {

	String message() default "{ValidIin}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidIin, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || Iin.isValid(value);
		}
	}
}
