/**
 * The console's start page: what needs the current person today.
 */
package org.knead.admin.dashboard;
