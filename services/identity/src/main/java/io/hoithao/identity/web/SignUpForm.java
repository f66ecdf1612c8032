package io.hoithao.identity.web;

/**
 * The sign-up page's form fields (a bean, for Thymeleaf's {@code th:field}); checked as a {@link SignUpRequest}. The
 * unit is chosen from the directory by id, never typed.
 */
public class SignUpForm {

    private String email;
    private String password;
    private String fullName;
    private String unitId;

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

    /** The unit of the directory she chooses (empty: none); only a request until it is confirmed. */
    public String getUnitId() {
        return unitId;
    }

    public void setUnitId(String unitId) {
        this.unitId = unitId;
    }

    SignUpRequest toRequest() {
        return new SignUpRequest(email, password, fullName, null, unitId);
    }
}
