/**
 * The console's user management, for admins.
 */
package org.knead.admin.users;
