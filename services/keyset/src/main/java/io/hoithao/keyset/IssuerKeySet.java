package io.hoithao.keyset;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's signing keys (its JWK set), held in memory: fetched once when the application starts,
 * refreshed in the background, and never fetched by a crowd of requests.
 *
 * <p>Spring Security's remote key source fetches the set on the first request that needs it, and every
 * request arriving before that fetch completes starts a fetch of its own: 2,000 requests at once on a
 * freshly started service meant hundreds of concurrent fetches, an exhausted connection pool and
 * hundreds of "the access token could not be checked" answers. Here there is at most one fetch in flight
 * at any time; requests that need keys before the first fetch completes all wait for that one fetch.
 *
 * <ul>
 * <li>On {@link #start()}: a fetch, retried every {@code retryInterval} until it succeeds (the issuer may
 * start after the application).</li>
 * <li>Every {@code refreshInterval}: a fetch in the background; a failure keeps the keys held.</li>
 * <li>A token signed with a key id the set does not hold (the issuer rotated its keys): one fetch, at most
 * once per {@code minRefreshGap}, so forged key ids cannot make the application hammer the issuer.</li>
 * </ul>
 * A fetch that fails while no keys are held fails the waiting requests: the caller answers 503.
 */
public final class IssuerKeySet implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IssuerKeySet.class);

	private final URI uri;

	private final Settings settings;

	private final HttpClient http;

	private final Clock clock;

	private final ScheduledExecutorService background;

	private volatile JWKSet keys;

	private volatile long fetchedAtMillis = Long.MIN_VALUE / 2;

	private volatile long lastAttemptMillis = Long.MIN_VALUE / 2;

	/** Counts the changes of the held keys (see {@link #version()}). */
	private volatile long version;

	private CompletableFuture<JWKSet> inFlight;

	private long fetches;

	/**
	 * @param refreshInterval how often the set is fetched again in the background
	 * @param retryInterval how soon a failed first fetch is tried again
	 * @param minRefreshGap the least time between two fetches caused by an unknown key id
	 * @param timeout the most one fetch may take
	 */
	public record Settings(Duration refreshInterval, Duration retryInterval, Duration minRefreshGap, Duration timeout) {

		public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(5), Duration.ofSeconds(2),
				Duration.ofSeconds(30), Duration.ofSeconds(5));

		/**
		 * {@code hoithao.security.key-set.refresh-interval}, {@code retry-interval}, {@code min-refresh-gap}
		 * and {@code timeout} (durations such as {@code 5m}), each defaulting to {@link #DEFAULTS}.
		 */
		public static Settings from(org.springframework.core.env.PropertyResolver properties) {
			String prefix = "hoithao.security.key-set.";
			return new Settings(
					properties.getProperty(prefix + "refresh-interval", Duration.class, DEFAULTS.refreshInterval()),
					properties.getProperty(prefix + "retry-interval", Duration.class, DEFAULTS.retryInterval()),
					properties.getProperty(prefix + "min-refresh-gap", Duration.class, DEFAULTS.minRefreshGap()),
					properties.getProperty(prefix + "timeout", Duration.class, DEFAULTS.timeout()));
		}

	}

	public IssuerKeySet(URI uri, Settings settings) {
		this(uri, settings, Clock.systemUTC());
	}

	IssuerKeySet(URI uri, Settings settings, Clock clock) {
		this.uri = uri;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "issuer-key-set");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Fetches the set now (retrying until it succeeds) and then every refresh interval. */
	public IssuerKeySet start() {
		this.background.execute(this::fetchUntilHeld);
		long every = this.settings.refreshInterval().toMillis();
		this.background.scheduleWithFixedDelay(() -> refresh().exceptionally(failure -> null), every, every,
				TimeUnit.MILLISECONDS);
		return this;
	}

	private void fetchUntilHeld() {
		refresh().whenComplete((set, failure) -> {
			if (failure != null && this.keys == null && !this.background.isShutdown()) {
				log.warn("The issuer's key set at {} could not be fetched ({}); trying again in {}", this.uri,
						failure.toString(), this.settings.retryInterval());
				try {
					this.background.schedule(this::fetchUntilHeld, this.settings.retryInterval().toMillis(),
							TimeUnit.MILLISECONDS);
				}
				catch (java.util.concurrent.RejectedExecutionException closed) {
					// closed meanwhile: nothing more to fetch
				}
			}
		});
	}

	/**
	 * The keys that may have signed this token: those the set holds for its header (key id, algorithm);
	 * waits for the first fetch when none is held yet; fetches once more when the key id is unknown and
	 * the last fetch is older than the minimum gap.
	 */
	public Flux<JWK> keysFor(SignedJWT jwt) {
		JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
		return Mono.defer(() -> {
			JWKSet held = this.keys;
			if (held == null) {
				return Mono.fromFuture(refresh()).map(selector::select);
			}
			List<JWK> found = selector.select(held);
			if (!found.isEmpty() || !mayRefreshForUnknownKey()) {
				return Mono.just(found);
			}
			return Mono.fromFuture(refresh()).map(selector::select).onErrorReturn(found);
		}).flatMapIterable(list -> list);
	}

	private boolean mayRefreshForUnknownKey() {
		return this.clock.millis() - this.lastAttemptMillis >= this.settings.minRefreshGap().toMillis();
	}

	/** One fetch of the set; joins the fetch in flight if there is one. */
	synchronized CompletableFuture<JWKSet> refresh() {
		if (this.inFlight != null) {
			return this.inFlight;
		}
		CompletableFuture<JWKSet> fetch = new CompletableFuture<>();
		this.inFlight = fetch;
		this.fetches++;
		this.lastAttemptMillis = this.clock.millis();
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(this.settings.timeout())
			.header("Accept", "application/json, application/jwk-set+json")
			.GET()
			.build();
		this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(this::parse)
			.orTimeout(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
			.whenComplete((set, failure) -> {
				synchronized (this) {
					if (this.inFlight == fetch) {
						this.inFlight = null;
					}
					if (failure == null) {
						boolean changed = this.keys == null || !this.keys.toString().equals(set.toString());
						this.keys = set;
						this.fetchedAtMillis = this.clock.millis();
						if (changed) {
							// After the keys: a check that read the old version may have used the new keys (it
							// is checked again, harmlessly), never the other way round.
							this.version++;
						}
					}
				}
				if (failure != null) {
					fetch.completeExceptionally(failure);
					return;
				}
				fetch.complete(set);
			});
		return fetch;
	}

	private JWKSet parse(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new KeySetUnavailableException("The issuer's key set at " + this.uri + " answered "
					+ response.statusCode(), null);
		}
		try {
			return JWKSet.parse(response.body());
		}
		catch (ParseException ex) {
			throw new KeySetUnavailableException("The issuer's key set at " + this.uri + " is not a JWK set", ex);
		}
	}

	/** Whether a key set is held (the readiness of token checks). */
	public boolean held() {
		return this.keys != null;
	}

	/**
	 * Changes whenever the held keys change (a key added, rotated or withdrawn), not when a fetch finds the same set
	 * again: what was checked with an older version may have been signed by a key the issuer no longer publishes.
	 */
	public long version() {
		return this.version;
	}

	/** How many fetches were started (for tests and metrics). */
	public synchronized long fetches() {
		return this.fetches;
	}

	/** When the held set was fetched, in epoch milliseconds; negative when none is held. */
	public long fetchedAtMillis() {
		return this.keys == null ? -1 : this.fetchedAtMillis;
	}

	public URI uri() {
		return this.uri;
	}

	@Override
	public void close() {
		this.background.shutdownNow();
	}

	/** The set could not be fetched or read. */
	public static final class KeySetUnavailableException extends RuntimeException {

		KeySetUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
