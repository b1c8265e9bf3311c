/**
 * The public site: server-rendered HTML pages (Thymeleaf, auto-escaped) for search and for every
 * published item, the sitemap and robots.txt. It reads what the JSON API reads ({@code ContentReader},
 * {@code SearchService}) and works without JavaScript; a small script only adds suggestions as you type.
 */
package org.knead.api.site;
