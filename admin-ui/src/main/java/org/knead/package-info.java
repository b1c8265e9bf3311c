/**
 * The admin console's application class, in the root package so that component scanning reaches core.
 */
package org.knead;
