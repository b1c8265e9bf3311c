package org.knead.revision;

/** A workflow step that the item's state does not allow; the message says why and what to do. */
public class WorkflowException extends RuntimeException {
    public WorkflowException(String message) {
        super(message);
    }
}
