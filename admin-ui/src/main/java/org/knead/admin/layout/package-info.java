/**
 * The console's frame and shared pieces: main layout and navigation, confirmations, notifications, error
 * handling, time formats and the not-found page.
 */
package org.knead.admin.layout;
