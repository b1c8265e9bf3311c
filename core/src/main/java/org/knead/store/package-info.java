/**
 * The database: choosing MongoDB or the embedded store, client settings, the durable embedded backend,
 * indexes, health and plain-language store errors. No domain rules live here.
 */
package org.knead.store;
