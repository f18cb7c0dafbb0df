package kz.khc.elorda.verification;

import java.util.OptionalInt;
import java.util.UUID;

/**
 * The points of the automatic assessment (scoring-service's {@code ApplicationAssessed}) of an application when this
 * service knows them, for {@code ApplicationVerified.points}; the timeline feature keeps them. While an application
 * has no assessment yet the event carries 0; scoring-service ranks by its own assessment and ignores the field.
 */
@FunctionalInterface
public interface AssessedPoints {

	OptionalInt of(UUID applicationId);
}
