/**
 * The terminal side of GB/T 32960 over TCP under load: a fleet of T-Boxes, one TCP connection
 * each, logging in to a platform's port and sending realtime reports on time, with a JSON summary
 * of what the platform accepted, refused, left unanswered or dropped. Each connection costs a file
 * descriptor and a local port here and a descriptor at the platform.
 */
export { runTboxTcpLoad } from "./run-tbox-tcp-load.ts";
export { TCP_LOAD_DEFAULTS, type TcpLoadInit, type TcpLoadOptions } from "./load-options.ts";
export { TcpLoadError, type TcpLoadErrorCode } from "./load-error.ts";
export { formatLoadProgress, type TcpLoadProgress } from "./load-progress.ts";
export { loadShortfalls, type TcpLoadSummary } from "./load-summary.ts";
