package org.knead.actor;

/** The actor lacks the role or standing for this action; the message says which. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
