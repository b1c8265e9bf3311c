/**
 * Who acts, as core sees it: the {@link org.knead.actor.Actor} (user name, roles, origin), the
 * {@link org.knead.actor.Role}s, and the refusal when an actor lacks one. Depends on no other Knead package.
 */
package org.knead.actor;
