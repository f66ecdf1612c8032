package io.hoithao.identity.web;

import io.hoithao.identity.user.DuplicateEmailException;
import io.hoithao.identity.user.Role;
import io.hoithao.identity.user.UserDirectory;
import io.hoithao.identity.user.UserView;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.Comparator;
import java.util.EnumSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The pages people see: sign-in (the form itself is Spring Security's), sign-up, and who is signed in. */
@Controller
public class PagesController {

    private final UserDirectory users;
    private final Validator validator;

    public PagesController(UserDirectory users, Validator validator) {
        this.users = users;
        this.validator = validator;
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
                users.create(request.email(), request.password(), request.fullName(), request.unit(), EnumSet.of(Role.DELEGATE));
                return "redirect:/login?registered";
            } catch (DuplicateEmailException e) {
                result.rejectValue("email", "duplicate", "is already registered; sign in instead");
            }
        }
        form.setPassword(null);
        return "signup";
    }

    @GetMapping("/")
    public String home(Principal principal, Model model) {
        model.addAttribute("user", users.find(principal.getName()).map(UserView::of).orElse(null));
        return "home";
    }
}
