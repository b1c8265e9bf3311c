/**
 * What every Knead process shares: the core settings ({@code knead.core}) and the {@link java.time.Clock}
 * bean that core takes the time from.
 */
package org.knead.config;
