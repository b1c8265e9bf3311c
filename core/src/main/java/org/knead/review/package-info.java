/**
 * The services of what people do with content after writing it: reviewing, publishing (now, scheduled,
 * revert, unpublish, archive) and clinical re-reviews, each applying the rules of the item aggregate.
 */
package org.knead.review;
