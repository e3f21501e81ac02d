export { decodeUper } from "./decode-uper.ts";
export { encodeUper } from "./encode-uper.ts";
export { describeMessageType } from "./describe-schema.ts";
export { UperError, isUperError, type UperErrorDetails, type UperErrorName } from "./uper-error.ts";
export type * from "./uper-type.ts";
