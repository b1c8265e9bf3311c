/**
 * The console's view of the audit log.
 */
package org.knead.admin.audit;
