package io.hoithao.identity.throttle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.hoithao.identity.user.Emails;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spends the sign-in budgets before the form's password is checked (so a spent budget costs no hashing) and
 * gives the account's unit back when the password was right: only wrong passwords count against an account.
 * A spent budget is 429 with {@code Retry-After}, and the sign-in page (forwarded to {@link #THROTTLED_PAGE})
 * says how long to wait.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    /** Where a refused sign-in is forwarded to be shown the page; the request attribute holds the seconds. */
    public static final String THROTTLED_PAGE = "/login/throttled";
    public static final String RETRY_AFTER = SignInThrottleFilter.class.getName() + ".retryAfter";

    private final Throttles throttles;

    public SignInThrottleFilter(Throttles throttles) {
        this.throttles = throttles;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = request.getParameter("username");
        try {
            throttles.signInAttempt(request.getRemoteAddr(), account);
        } catch (ThrottledException e) {
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            request.setAttribute(RETRY_AFTER, e.retryAfterSeconds());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated() && account != null
                && signedIn.getName().equals(Emails.normalise(account))) {
            throttles.signedIn(account);
        }
    }
}
