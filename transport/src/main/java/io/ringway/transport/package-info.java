/**
 * The JeroMQ bridge: implements {@code io.ringway.runtime.endpoint.TransportProvider} for {@code tcp://} and
 * {@code ipc://} endpoints and registers it with {@link java.util.ServiceLoader}. Each JeroMQ socket is owned by
 * one agent thread, and data is copied into the runtime's pre-allocated slots.
 */
package io.ringway.transport;
