package io.hoithao.identity.web;

import io.hoithao.identity.mail.PasswordResets;
import io.hoithao.identity.throttle.SignInThrottleFilter;
import io.hoithao.identity.throttle.ThrottledException;
import io.hoithao.identity.throttle.Throttles;
import io.hoithao.identity.unit.KnownUnits;
import io.hoithao.identity.user.SignUpService;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Comparator;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages people see: sign-in (the form itself is Spring Security's), sign-up, email verification, the forgotten password, and who is signed in. */
@Controller
public class PagesController {

    private final UserDirectory users;
    private final SignUpService signUps;
    private final Validator validator;
    private final PasswordResets resets;
    private final Throttles throttles;
    private final KnownUnits units;

    public PagesController(UserDirectory users, SignUpService signUps, Validator validator, PasswordResets resets,
            Throttles throttles, KnownUnits units) {
        this.throttles = throttles;
        this.units = units;
        this.users = users;
        this.signUps = signUps;
        this.validator = validator;
        this.resets = resets;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** A sign-in refused by its budget ({@link SignInThrottleFilter} set the status, 429, and Retry-After). */
    @RequestMapping(SignInThrottleFilter.THROTTLED_PAGE)
    public String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object seconds = request.getAttribute(SignInThrottleFilter.RETRY_AFTER);
        response.setStatus(429);
        model.addAttribute("retryAfter", seconds == null ? 60L : seconds);
        return "login";
    }

    /** The units a person may choose from at sign-up: the directory as this service knows it. */
    static final int UNITS_OFFERED = 5000;

    @GetMapping("/signup")
    public String signUpForm(@ModelAttribute("form") SignUpForm form, Model model) {
        model.addAttribute("units", units.all(UNITS_OFFERED));
        return "signup";
    }

    /**
     * Signs up (or mails the address's owner, see {@code SignUpService}); the same redirect for every valid form.
     * On a mistake the form comes back with the values (not the password) and messages.
     */
    @PostMapping("/signup")
    public String signUp(@ModelAttribute("form") SignUpForm form, BindingResult result, HttpServletRequest http,
            HttpServletResponse response, Model model) {
        SignUpRequest request = form.toRequest();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<SignUpRequest> v) -> v.getPropertyPath().toString()))
                .forEach(v -> result.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        KnownUnits.KnownUnit chosen = request.unitId() == null ? null : units.find(request.unitId()).orElse(null);
        if (request.unitId() != null && chosen == null && !result.hasFieldErrors("unitId")) {
            result.rejectValue("unitId", "unknown", "is not a unit of the directory");
        }
        if (!result.hasErrors()) {
            try {
                throttles.signUp(http.getRemoteAddr(), request.email());
                // the unit she chose is a request, with its current name for whoever confirms it
                signUps.signUp(request.email(), request.password(), request.fullName(),
                        chosen == null ? null : chosen.officialName(), request.unitId(), language(http));
                return "redirect:/login?registered";
            } catch (ThrottledException e) {
                response.setStatus(429);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
                model.addAttribute("retryAfter", e.retryAfterSeconds());
            }
        }
        form.setPassword(null);
        model.addAttribute("units", units.all(UNITS_OFFERED));
        return "signup";
    }

    /**
     * The link of the verification email shows a form (status 200) and changes nothing: opening it, as a mail
     * scanner or a preview does, verifies nobody. A wrong, used or expired token: the failure page, status 400.
     */
    @GetMapping("/verify-email")
    public String verifyEmailForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var pending = users.pendingVerification(token);
        if (pending.isEmpty()) {
            return failed(model, response);
        }
        model.addAttribute("usable", true);
        model.addAttribute("token", token);
        model.addAttribute("email", pending.get().email());
        model.addAttribute("fullName", pending.get().fullName());
        return "verify-email";
    }

    /**
     * The form's button (POST, CSRF-protected): the address is verified and the password is the one typed here
     * (the sign-up's rules: 10 to 128 characters), then the sign-in page. Whoever signed up with the address
     * before does not know it, so the account is the mailbox owner's.
     */
    @PostMapping("/verify-email")
    public String verifyEmail(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String fullName, Model model, HttpServletResponse response) {
        var pending = users.pendingVerification(token);
        if (pending.isEmpty()) {
            return failed(model, response);
        }
        String name = fullName == null || fullName.isBlank() ? pending.get().fullName() : fullName.strip();
        boolean badPassword = password == null || password.length() < 10 || password.length() > 128;
        boolean badName = name == null || name.length() > 200;
        if (badPassword || badName) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("usable", true);
            model.addAttribute("token", token);
            model.addAttribute("email", pending.get().email());
            model.addAttribute("fullName", name);
            model.addAttribute("passwordError", badPassword);
            model.addAttribute("nameError", badName);
            return "verify-email";
        }
        if (users.confirmEmail(token, password, name).isEmpty()) { // used or expired meanwhile
            return failed(model, response);
        }
        return "redirect:/login?verified";
    }

    private static String failed(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("usable", false);
        return "verify-email";
    }

    @GetMapping("/forgot-password")
    public String forgotPasswordForm() {
        return "forgot-password";
    }

    /**
     * Asks for a reset link. The answer is the same redirect whether or not the address has an account
     * (no account enumeration); the mail's language is the browser's first one when it is Vietnamese or English.
     */
    @PostMapping("/forgot-password")
    public String forgotPassword(@RequestParam(required = false) String email, HttpServletRequest request) {
        resets.request(email, language(request));
        return "redirect:/forgot-password?sent";
    }

    /** The browser's first language when it is Vietnamese or English, else {@code null} (the mail's default). */
    private static String language(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Language");
        return accepted == null ? null : switch (request.getLocale().getLanguage()) {
            case "vi", "en" -> request.getLocale().getLanguage();
            default -> null;
        };
    }

    /** The link of the reset mail: the form for the new password, or (status 400) why the link no longer works. */
    @GetMapping("/reset-password")
    public String resetPasswordForm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        if (!resets.isUsable(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("usable", false);
        } else {
            model.addAttribute("usable", true);
            model.addAttribute("token", token);
        }
        return "reset-password";
    }

    /** Sets the new password (the sign-up's rules: 10 to 128 characters) and consumes the token. */
    @PostMapping("/reset-password")
    public String resetPassword(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
            Model model, HttpServletResponse response) {
        if (!resets.isUsable(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("usable", false);
            return "reset-password";
        }
        model.addAttribute("usable", true);
        model.addAttribute("token", token);
        if (password == null || password.length() < 10 || password.length() > 128) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("passwordError", true);
            return "reset-password";
        }
        if (!resets.reset(token, password)) { // used or expired meanwhile
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("usable", false);
            return "reset-password";
        }
        return "redirect:/login?reset";
    }

    @GetMapping("/")
    public String home(Principal principal, Model model) {
        model.addAttribute("user", users.find(principal.getName()).map(UserView::of).orElse(null));
        return "home";
    }
}
