export { startEmbeddedBroker, type BrokerStats, type EmbeddedBroker } from "./embedded-broker.ts";
export { EMBEDDED_BROKER_DEFAULTS, type BrokerLimits, type EmbeddedBrokerInit, type EmbeddedBrokerOptions } from "./options.ts";
