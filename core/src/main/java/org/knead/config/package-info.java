/**
 * What every Knead process shares: the core settings ({@code knead.core}), the {@link java.time.Clock}
 * bean that core takes the time from, and the write concern of preceding writes ({@link
 * org.knead.config.PrecedingWrites}).
 */
package org.knead.config;
