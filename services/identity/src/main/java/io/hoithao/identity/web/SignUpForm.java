package io.hoithao.identity.web;

/** The sign-up page's form fields (a bean, for Thymeleaf's {@code th:field}); checked as a {@link SignUpRequest}. */
public class SignUpForm {

    private String email;
    private String password;
    private String fullName;
    private String unit;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    SignUpRequest toRequest() {
        return new SignUpRequest(email, password, fullName, unit);
    }
}
