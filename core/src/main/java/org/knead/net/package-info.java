/**
 * Network settings shared by the web apps: which proxies' forwarded headers are believed.
 */
package org.knead.net;
