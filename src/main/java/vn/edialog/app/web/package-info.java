/**
 * What every page and API shares: refusals as RFC 9457 problem details ({@link vn.edialog.app.web.ApiProblem}, the
 * exception handler, the problem types), the request filters (rate limits per client address and signing
 * certificate, request size, control characters, security headers), localisation and the OpenAPI description.
 */
package vn.edialog.app.web;
