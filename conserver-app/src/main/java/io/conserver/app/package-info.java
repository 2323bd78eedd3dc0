/**
 * Use cases and the chain runtime of the conserver. The runtime arrives with the chain engine issue; this package is the home of the application services that drive the domain ports.
 */
package io.conserver.app;
