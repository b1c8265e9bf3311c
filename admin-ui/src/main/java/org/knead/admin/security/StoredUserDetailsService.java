package org.knead.admin.security;

import java.time.Clock;
import org.knead.user.User;
import org.knead.user.UserService;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of the users in the store: disabled and locked accounts are refused. */
@Service
class StoredUserDetailsService implements UserDetailsService {

    private final UserService users;
    private final Clock clock;

    StoredUserDetailsService(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        User user = users.find(name).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return org.springframework.security.core.userdetails.User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .accountLocked(user.isLocked(clock.instant()))
                .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .build();
    }
}
