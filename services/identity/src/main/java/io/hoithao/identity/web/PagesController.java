package io.hoithao.identity.web;

import io.hoithao.identity.mail.PasswordResets;
import io.hoithao.identity.user.DuplicateEmailException;
import io.hoithao.identity.user.SignUpService;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages people see: sign-in (the form itself is Spring Security's), sign-up, email verification, the forgotten password, and who is signed in. */
@Controller
public class PagesController {

    private final UserDirectory users;
    private final SignUpService signUps;
    private final Validator validator;
    private final PasswordResets resets;

    public PagesController(UserDirectory users, SignUpService signUps, Validator validator, PasswordResets resets) {
        this.users = users;
        this.signUps = signUps;
        this.validator = validator;
        this.resets = resets;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/signup")
    public String signUpForm(@ModelAttribute("form") SignUpForm form) {
        return "signup";
    }

    /** Creates a delegate; on a mistake the form comes back with the values (not the password) and messages. */
    @PostMapping("/signup")
    public String signUp(@ModelAttribute("form") SignUpForm form, BindingResult result) {
        SignUpRequest request = form.toRequest();
        validator.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<SignUpRequest> v) -> v.getPropertyPath().toString()))
                .forEach(v -> result.rejectValue(v.getPropertyPath().toString(), "invalid", v.getMessage()));
        if (!result.hasErrors()) {
            try {
                signUps.signUp(request.email(), request.password(), request.fullName(), request.unit());
                return "redirect:/login?registered";
            } catch (DuplicateEmailException e) {
                result.rejectValue("email", "duplicate", "is already registered; sign in instead");
            }
        }
        form.setPassword(null);
        return "signup";
    }

    /**
     * The link of the verification email: a token that matches and has not expired verifies its user
     * (once); anything else shows the failure page with status 400 and changes nothing.
     */
    @GetMapping("/verify-email")
    public String verifyEmail(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        var verified = users.verifyEmail(token);
        if (verified.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("verified", false);
        } else {
            model.addAttribute("verified", true);
            model.addAttribute("email", verified.get().email());
        }
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
        String accepted = request.getHeader("Accept-Language");
        String language = accepted == null ? null : switch (request.getLocale().getLanguage()) {
            case "vi", "en" -> request.getLocale().getLanguage();
            default -> null;
        };
        resets.request(email, language);
        return "redirect:/forgot-password?sent";
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
