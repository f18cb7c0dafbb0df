package kz.khc.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void theWholeCapacityAtOnceAndNotOneMore() {
		var bucket = new RateLimits.Bucket(new RateLimits.Limit(3, 1), 0);

		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).isZero();
		assertThat(bucket.take(0)).as("the fourth at once").isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refilledAtTheRateUpToTheCapacity() {
		var bucket = new RateLimits.Bucket(new RateLimits.Limit(2, 4), 0);
		bucket.take(0);
		bucket.take(0);

		assertThat(bucket.take(SECOND / 4 - 1)).as("just before a quarter second").isPositive()
			.isLessThanOrEqualTo(Duration.ofNanos(2));
		assertThat(bucket.take(SECOND / 4)).isZero();
		// a long pause gives the capacity back, not more
		assertThat(bucket.take(100 * SECOND)).isZero();
		assertThat(bucket.take(100 * SECOND)).isZero();
		assertThat(bucket.take(100 * SECOND)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void aLimitNeedsACapacityAndARate() {
		assertThatThrownBy(() -> new RateLimits.Limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateLimits.Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
