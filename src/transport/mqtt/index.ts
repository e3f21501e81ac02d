export {
  MqttBinding,
  type DroppedMessage,
  type MqttBindingEvents,
  type MqttSubscription,
  type ObservationHandler,
  type SubscriptionSelector,
} from "./binding.ts";
export { TransportError, isTransportError, type TransportErrorCode, type TransportErrorDetails } from "./errors.ts";
export { MQTT_BINDING_DEFAULTS, type MqttBindingInit, type MqttBindingOptions, type ReconnectOptions } from "./options.ts";
export type { PublishOutcome } from "./pending.ts";
export { matchesFilter } from "./topic-filter.ts";
