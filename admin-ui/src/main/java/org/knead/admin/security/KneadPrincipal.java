package org.knead.admin.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.knead.user.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Who a session belongs to: the user name, the roles and the account's security stamp
 * ({@link User#sessionVersion()}) at login. {@link SessionStampFilter} ends the session as soon as
 * the stored stamp differs, that is once the account was disabled, its roles changed or its
 * password reset; so the roles here are always the stored ones.
 */
public final class KneadPrincipal implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final long sessionVersion;
    private final List<SimpleGrantedAuthority> authorities;

    KneadPrincipal(User user) {
        this.username = user.username();
        this.sessionVersion = user.sessionVersion();
        this.authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    public long sessionVersion() {
        return sessionVersion;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String toString() {
        return "KneadPrincipal[" + username + ", stamp " + sessionVersion + "]";
    }
}
