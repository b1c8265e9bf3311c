package org.knead.actor;

/** What a person may do in the console. */
public enum Role {
    /** Writes, curates, submits and publishes content. */
    EDITOR,
    /** Reviews medical content and signs it off. */
    CLINICIAN,
    /** Manages users; may do everything an editor may. */
    ADMIN
}
