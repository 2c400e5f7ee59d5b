package dev.gureum.core.runtime;

/**
 * Core's instance metadata service, as a runtime that carries metadata requests calls it: the runtime says
 * which instance sent the request (it knows its instances' addresses); core answers from its current records.
 */
public interface InstanceMetadataSource {
    MetadataAnswer answer(InstanceRef instance, MetadataRequest request);
}
