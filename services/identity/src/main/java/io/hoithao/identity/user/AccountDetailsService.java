package io.hoithao.identity.user;

import io.hoithao.platform.security.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Sign-in by email (any case, surrounding spaces ignored) and password, over the users collection. */
@Service
public class AccountDetailsService implements UserDetailsService {

    private final UserDirectory users;

    public AccountDetailsService(UserDirectory users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(user.email())
                .password(user.passwordHash())
                .authorities(user.roles().stream().map(Role::authority).toArray(String[]::new))
                .build();
    }
}
