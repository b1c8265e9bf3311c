/**
 * Bringing content in and out: the first start (admin and reference content), the reference import, and
 * export and import of a whole instance, with their command-line entry points.
 */
package org.knead.seed;
