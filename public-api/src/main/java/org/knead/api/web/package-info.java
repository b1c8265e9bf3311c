/**
 * The public API's web plumbing: filters (actuator access, headers, read-only, CORS, rate limit), the
 * answer cache and cache headers, problem answers, parameters, settings and the OpenAPI document.
 */
package org.knead.api.web;
