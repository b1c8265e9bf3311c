/**
 * How the console tells people about the store's state; the one console package allowed to look at store
 * errors.
 */
package org.knead.admin.health;
