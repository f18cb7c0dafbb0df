package kz.khc.notification.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the queued messages. A loop takes due messages of the providers that are not resting (their circuit is
 * not open), sends them concurrently, and records each outcome: sent; refused for good; or failed, to be tried
 * again after an exponential, jittered wait — until {@code give-up-after}. Several instances share the queue
 * (rows are taken with {@code skip locked} and leased).
 */
@Component
class Dispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	private final Messages messages;
	private final SmsProvider sms;
	private final MailProvider email;
	private final ProviderBreakers breakers;
	private final DeliveryProperties properties;
	private final IntervalFunction backoff;
	private final Clock clock;
	private final MeterRegistry meters;
	private final Semaphore sending;
	private final Semaphore wakeUp = new Semaphore(0);
	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
	private volatile boolean running;
	private Thread loop = Thread.ofVirtual().unstarted(() -> { });

	Dispatcher(Messages messages, SmsProvider sms, MailProvider email, ProviderBreakers breakers,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.messages = messages;
		this.sms = sms;
		this.email = email;
		this.breakers = breakers;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.sending = new Semaphore(properties.concurrency());
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.firstRetry(), 2.0, 0.5,
				properties.maxRetryInterval());
		for (Channel channel : Channel.values()) {
			Gauge.builder("notifications.queue.due", () -> messages.due(channel, Instant.now(clock)))
				.description("Messages due and still waiting for their provider")
				.tag("channel", channel.name())
				.register(meters);
		}
	}

	@TransactionalEventListener
	void on(Notifications.MessagesQueued queued) {
		if (!queued.due().isAfter(Instant.now(clock))) {
			wakeUp.release();
		}
	}

	@Override
	public void start() {
		running = true;
		loop = Thread.ofVirtual().name("notification-dispatcher").start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		wakeUp.release();
		try {
			loop.join(Duration.ofSeconds(10));
			senders.shutdown();
			senders.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				if (dispatchOnce() == 0) {
					wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					wakeUp.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not take messages from the queue: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** How many messages are being sent right now. */
	int inFlight() {
		return properties.concurrency() - sending.availablePermits();
	}

	/** Takes as many due messages as there are free senders and starts sending them; returns how many. */
	int dispatchOnce() throws InterruptedException {
		sending.acquire(); // wait for a free sender
		sending.release();
		Set<Channel> available = EnumSet.noneOf(Channel.class);
		for (Channel channel : Channel.values()) {
			if (breakers.available(channel)) {
				available.add(channel);
			}
		}
		int free = Math.min(sending.availablePermits(), properties.batchSize());
		List<Messages.Claimed> claimed = messages.claim(available, free, Instant.now(clock), properties.lease());
		for (Messages.Claimed message : claimed) {
			sending.acquire();
			senders.execute(() -> {
				try {
					deliver(message);
				}
				catch (RuntimeException ex) {
					// the database is away: the message stays leased and is taken again when its lease ends
					log.warn("Outcome of {} {} not recorded: {}", message.channel(), message.id(), ex.toString());
				}
				finally {
					sending.release();
				}
			});
		}
		return claimed.size();
	}

	void deliver(Messages.Claimed message) {
		try {
			String providerId = switch (message.channel()) {
				case SMS -> sms.send(message.id(), message.destination(), content(message));
				case EMAIL -> email.send(message.id(), message.destination(), content(message),
						messages.emailParts(message.notificationId()));
			};
			messages.sent(message.id(), providerId, Instant.now(clock));
			count(message, "sent");
		}
		catch (CallNotPermittedException ex) {
			messages.postpone(message.id(), Instant.now(clock).plus(breakers.waitInOpenState()), Instant.now(clock));
			count(message, "postponed");
		}
		catch (DeliveryFailure ex) {
			failed(message, ex.getMessage(), ex.permanent());
		}
		catch (RuntimeException ex) {
			failed(message, ex.getClass().getSimpleName(), false);
		}
	}

	private void failed(Messages.Claimed message, String error, boolean permanent) {
		Instant now = Instant.now(clock);
		if (permanent || now.isAfter(message.createdAt().plus(properties.giveUpAfter()))) {
			messages.failed(message.id(), permanent ? error : "gave up after " + properties.giveUpAfter() + ": " + error,
					now);
			log.warn("{} {} to {} failed for good: {}", message.channel(), message.id(),
					Notifications.masked(message.destination()), error);
			count(message, "failed");
		}
		else {
			Instant next = now.plusMillis(backoff.apply(message.attempts()));
			messages.retryAt(message.id(), next, error, now);
			log.info("{} {} to {} failed ({}), attempt {}; next at {}", message.channel(), message.id(),
					Notifications.masked(message.destination()), error, message.attempts(), next);
			count(message, "retry");
		}
	}

	private static String content(Messages.Claimed message) {
		if (message.content() == null) {
			throw new DeliveryFailure("nothing to send", true);
		}
		return message.content();
	}

	private void count(Messages.Claimed message, String outcome) {
		Counter.builder("notifications.deliveries")
			.description("Attempts to hand a queued message to its provider, by outcome")
			.tag("channel", message.channel().name())
			.tag("outcome", outcome)
			.register(meters)
			.increment();
	}
}
