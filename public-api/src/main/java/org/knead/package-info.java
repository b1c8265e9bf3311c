/**
 * The public read API's application class, in the root package so that component scanning reaches core
 * and search.
 */
package org.knead;
