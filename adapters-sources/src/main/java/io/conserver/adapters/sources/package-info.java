/**
 * Source adapters that turn vendor conversations into vCons, behind the domain's SourceAdapter port.
 */
package io.conserver.adapters.sources;
