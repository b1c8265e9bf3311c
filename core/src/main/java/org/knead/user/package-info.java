/**
 * The people who work in the console: their stored accounts, passwords, login throttling and role
 * management (every change audited).
 */
package org.knead.user;
