/**
 * The console's security: login against stored users with rate limits, sessions that end when the account
 * changes, password changes, and the current user as a core {@link org.knead.actor.Actor}.
 */
package org.knead.admin.security;
