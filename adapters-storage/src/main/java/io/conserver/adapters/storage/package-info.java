/**
 * Storages that project vCons into outside systems (S3, PostgreSQL, files, webhooks), each behind the domain's Storage port.
 */
package io.conserver.adapters.storage;
