/**
 * The console's review views: the editors' approval queue, the clinicians' queue, and the review of one
 * revision.
 */
package org.knead.admin.review;
