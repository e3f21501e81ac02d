import type { Activation, ActivationInfo, ActivationResponse, ActivationStatus, KeyExchange, KeyType, Signature, SignatureType } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { enumByte, fixedText, struct, wordSizedBytes, type Codec } from "./codec.ts";
import { time } from "./elements.ts";

/** A vehicle signature (2025 table 8): type, then R and S, each after its WORD length. */
export const signature: Codec<Signature> = struct<Signature>({ type: enumByte<SignatureType>(), r: wordSizedBytes, s: wordSizedBytes });

/** Activation 0x09 (2025 table B.3). */
export const activation: Codec<Activation> = struct<Activation>({
  time,
  chipId: fixedText(16),
  publicKey: wordSizedBytes,
  vin: fixedText(17),
  signature,
});

/** Activation response 0x0A (2025 table B.4). */
export const activationResponse: Codec<ActivationResponse> = struct<ActivationResponse>({ status: enumByte<ActivationStatus>(), info: enumByte<ActivationInfo>() });

/** Data-unit key exchange 0x0B (2025 table 31). */
export const keyExchange: Codec<KeyExchange> = struct<KeyExchange>({ keyType: enumByte<KeyType>(), key: wordSizedBytes, startTime: time, expiryTime: time });
