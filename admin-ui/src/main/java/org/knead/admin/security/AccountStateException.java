package org.knead.admin.security;

import org.springframework.security.authentication.DisabledException;

/**
 * The password was right, but the account may not log in (disabled): the message says so and
 * whom to ask. Only ever raised after the right password, so it tells a guesser nothing.
 */
public class AccountStateException extends DisabledException {

    public AccountStateException(String message) {
        super(message);
    }
}
