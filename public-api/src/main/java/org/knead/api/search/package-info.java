/**
 * The search endpoints of the public API (search and suggestions) and the health of this instance's search
 * index.
 */
package org.knead.api.search;
