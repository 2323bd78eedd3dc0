/**
 * The production working store on Redis, implemented with Redisson, shared by many conserver instances.
 */
package io.conserver.adapters.redis;
