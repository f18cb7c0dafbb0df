package kz.khc.scoring.assessments;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.jspecify.annotations.Nullable;

/**
 * The dates an application states about the past — birth dates, registration and employment since — are not after
 * its {@code submissionDate}. Each late date is reported on its own field (e.g. {@code applicant.registration.since},
 * {@code family[1].birthDate}); its message is the key {@code DatesNotAfterSubmission}.
 */
@Documented
@Constraint(validatedBy = DatesNotAfterSubmission.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface DatesNotAfterSubmission {

	String message() default "{DatesNotAfterSubmission}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<DatesNotAfterSubmission, PreCheckRequest> {

		@Override
		public boolean isValid(@Nullable PreCheckRequest request, ConstraintValidatorContext context) {
			if (request == null || request.submissionDate() == null) {
				return true; // @NotNull reports it
			}
			LocalDate submitted = request.submissionDate();
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			PreCheckRequest.Applicant applicant = request.applicant();
			if (applicant != null) {
				if (after(applicant.birthDate(), submitted)) {
					valid = false;
					context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addPropertyNode("applicant")
						.addPropertyNode("birthDate")
						.addConstraintViolation();
				}
				if (applicant.registration() != null && after(applicant.registration().since(), submitted)) {
					valid = false;
					context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addPropertyNode("applicant")
						.addPropertyNode("registration")
						.addPropertyNode("since")
						.addConstraintViolation();
				}
				if (applicant.employment() != null && after(applicant.employment().since(), submitted)) {
					valid = false;
					context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
						.addPropertyNode("applicant")
						.addPropertyNode("employment")
						.addPropertyNode("since")
						.addConstraintViolation();
				}
			}
			List<PreCheckRequest.FamilyMember> family = request.family();
			if (family != null) {
				for (int i = 0; i < family.size(); i++) {
					PreCheckRequest.FamilyMember member = family.get(i);
					if (member != null && after(member.birthDate(), submitted)) {
						valid = false;
						context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
							.addPropertyNode("family")
							.addPropertyNode("birthDate")
							.inIterable()
							.atIndex(i)
							.addConstraintViolation();
					}
				}
			}
			return valid;
		}

		private static boolean after(@Nullable LocalDate date, LocalDate submitted) {
			return date != null && date.isAfter(submitted);
		}
	}
}
