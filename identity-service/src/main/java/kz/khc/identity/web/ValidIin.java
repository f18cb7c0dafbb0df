package kz.khc.identity.web;

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
import kz.khc.contracts.MobileNumber;

/** An IIN with a right check digit (DOMAIN "Kazakhstan specifics"); its message is the key {@code ValidIin}. */
@Documented
@Constraint(validatedBy = ValidIin.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidIin {

	String message() default "{ValidIin}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ValidIin, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || Iin.isValid(value);
		}
	}

	/** A Kazakhstan mobile number ({@code +7 7XX …}); its message is the key {@code KazakhMobile}. */
	@Documented
	@Constraint(validatedBy = KazakhMobile.Validator.class)
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface KazakhMobile {

		String message() default "{KazakhMobile}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		class Validator implements ConstraintValidator<KazakhMobile, String> {

			@Override
			public boolean isValid(String value, ConstraintValidatorContext context) {
				return value == null || MobileNumber.isValid(value);
			}
		}
	}
}
