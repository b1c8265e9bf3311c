/**
 * The console's content views: the item list, the editor (with reapplying a change after a stale save),
 * history and comparison of revisions, and the publishing panel.
 */
package org.knead.admin.content;
