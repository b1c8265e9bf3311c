/**
 * What the public sees and how it follows changes: the published copies, the publication log and its
 * one follower per process with its listeners, the all-or-nothing publish and withdraw steps, and their repair.
 */
package org.knead.publication;
