package org.knead.publication;

import java.util.List;

/** One page of published items, with the total over all pages. */
public record PublishedPage(List<PublishedItem> items, int page, int size, long total) {
}
