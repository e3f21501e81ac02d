import {
  CertificateType,
  HashAlgorithm,
  type Certificate,
  type EccP256CurvePoint,
  type EccP384CurvePoint,
  type HeaderInfo,
  type IssuerIdentifier,
  type Signature,
  type SignedData,
  type SignedDataPayload,
  type ToBeSignedCertificate,
  type VerificationKeyIndicator,
} from "../gen/v2xh/security/v1/index.ts";
import { fieldPath, reportValue, type Violation } from "../violation.ts";
import { defineCheck, type MessageCheck } from "./check.ts";

// Decoded messages hold null for an unset message field, which the generated types do not show.
type Maybe<T> = T | null | undefined;

const CERTIFICATE_CLAUSE = "IEEE 1609.2-2022 Ieee1609Dot2 CertificateBase, ExplicitCertificate, ImplicitCertificate";

const securityExpiryAfterGeneration = defineCheck<HeaderInfo>((header, path) => {
  const { generationTime, expiryTime } = header;
  if (generationTime === undefined || expiryTime === undefined || generationTime < expiryTime) return [];
  return [
    {
      path: fieldPath(path, "expiryTime"),
      rule: "security-expiry-after-generation",
      value: reportValue(expiryTime),
      expected: `later than generationTime (${generationTime})`,
      clause: "IEEE 1609.2-2022 Ieee1609Dot2 HeaderInfo",
    },
  ];
});

type SignatureKind = keyof Signature;

const HASH_OF_SIGNATURE: Readonly<Record<SignatureKind, HashAlgorithm>> = {
  ecdsaNistP256Signature: HashAlgorithm.SHA256,
  ecdsaBrainpoolP256r1Signature: HashAlgorithm.SHA256,
  ecdsaBrainpoolP384r1Signature: HashAlgorithm.SHA384,
  ecdsaNistP384Signature: HashAlgorithm.SHA384,
  sm2Signature: HashAlgorithm.SM3,
};
const SIGNATURE_KINDS = Object.keys(HASH_OF_SIGNATURE) as SignatureKind[];
const HASH_NAMES: ReadonlyMap<number, string> = new Map([
  [HashAlgorithm.SHA256, "sha256"],
  [HashAlgorithm.SHA384, "sha384"],
  [HashAlgorithm.SM3, "sm3"],
]);

/** The hash algorithm the issuer names; undefined when it has no member set. */
function issuerHash(issuer: Maybe<IssuerIdentifier>): number | undefined {
  if (!issuer) return undefined;
  if (issuer.self !== undefined) return issuer.self;
  if (issuer.sha256AndDigest !== undefined) return HashAlgorithm.SHA256;
  if (issuer.sha384AndDigest !== undefined) return HashAlgorithm.SHA384;
  if (issuer.sm3AndDigest !== undefined) return HashAlgorithm.SM3;
  return undefined;
}

/** On Certificate (hash named by `issuer`) and SignedData (`hashId`). */
const securityHashMatchesSignature = defineCheck<Certificate | SignedData>((message, path) => {
  const signature: Maybe<Signature> = message.signature;
  const kind = signature ? SIGNATURE_KINDS.find((name) => signature[name] !== undefined) : undefined;
  const hash = "hashId" in message ? message.hashId : issuerHash(message.issuer);
  const hashName = hash === undefined ? undefined : HASH_NAMES.get(hash);
  // No signature member is a `choice` error, an unknown hash algorithm an `enum` error.
  if (kind === undefined || hashName === undefined || HASH_OF_SIGNATURE[kind] === hash) return [];
  const matching = SIGNATURE_KINDS.filter((name) => HASH_OF_SIGNATURE[name] === hash);
  return [
    {
      path: fieldPath(path, "signature"),
      rule: "security-hash-matches-signature",
      value: kind,
      expected: `a ${hashName} signature (${matching.join(" or ")})`,
      clause: "hashId" in message ? "IEEE 1609.2-2022 Ieee1609Dot2 SignedData" : CERTIFICATE_CLAUSE,
    },
  ];
});

function certificateViolation(path: string, value: Violation["value"], expected: string): Violation {
  return { path, rule: "security-cert-signature-by-type", value, expected, clause: CERTIFICATE_CLAUSE };
}

function keyIndicatorKind(indicator: Maybe<VerificationKeyIndicator>): string | undefined {
  if (indicator?.verificationKey !== undefined) return "verificationKey";
  if (indicator?.reconstructionValue !== undefined) return "reconstructionValue";
  return undefined;
}

const securityCertSignatureByType = defineCheck<Certificate>((certificate, path) => {
  const explicit = certificate.type === CertificateType.EXPLICIT;
  // Other types are `enum` errors.
  if (!explicit && certificate.type !== CertificateType.IMPLICIT) return [];
  const form = explicit ? "an explicit" : "an implicit";
  const signature: Maybe<Signature> = certificate.signature;
  if (Boolean(signature) !== explicit) {
    return [certificateViolation(fieldPath(path, "signature"), reportValue(signature), `${explicit ? "present" : "absent"} in ${form} certificate`)];
  }
  const toBeSigned: Maybe<ToBeSignedCertificate> = certificate.toBeSigned;
  const indicator = keyIndicatorKind(toBeSigned?.verifyKeyIndicator);
  const wanted = explicit ? "verificationKey" : "reconstructionValue";
  // No indicator member is a `required` or `choice` error.
  if (indicator === undefined || indicator === wanted) return [];
  return [certificateViolation(fieldPath(path, "toBeSigned.verifyKeyIndicator"), indicator, `${wanted} in ${form} certificate`)];
});

const securityPayloadPresent = defineCheck<SignedDataPayload>((payload, path) => {
  if ([payload.data, payload.extDataHash, payload.omitted].some((part) => part !== undefined && part !== null)) return [];
  return [
    {
      path,
      rule: "security-payload-present",
      value: null,
      expected: "at least one of data, extDataHash, omitted",
      clause: "IEEE 1609.2-2022 Ieee1609Dot2 SignedDataPayload",
    },
  ];
});

function permissionViolation(path: string, value: Violation["value"], expected: string): Violation {
  return { path, rule: "security-cert-permissions", value, expected, clause: "IEEE 1609.2-2022 Ieee1609Dot2 ToBeSignedCertificate, SequenceOfPsidSsp" };
}

const securityCertPermissions = defineCheck<Certificate>((certificate, path) => {
  const toBeSigned: Maybe<ToBeSignedCertificate> = certificate.toBeSigned;
  if (!toBeSigned) return [];
  const here = fieldPath(path, "toBeSigned");
  const { appPermissions, certIssuePermissions, certRequestPermissions } = toBeSigned;
  if (appPermissions.length + certIssuePermissions.length + certRequestPermissions.length === 0) {
    return [permissionViolation(here, null, "at least one of appPermissions, certIssuePermissions, certRequestPermissions")];
  }
  const seen = new Set<number>();
  const out: Violation[] = [];
  appPermissions.forEach(({ psid }, j) => {
    if (seen.has(psid)) out.push(permissionViolation(`${fieldPath(here, "appPermissions")}[${j}].psid`, psid, "a PSID not already in appPermissions"));
    seen.add(psid);
  });
  return out;
});

// The curve-point members of PublicVerificationKey, BasePublicEncryptionKey and VerificationKeyIndicator
// (whose `verificationKey` is a PublicVerificationKey, checked on its own).
const KEY_MEMBERS = [
  "ecdsaNistP256",
  "ecdsaBrainpoolP256r1",
  "ecdsaBrainpoolP384r1",
  "ecdsaNistP384",
  "ecsigSm2",
  "eciesNistP256",
  "eciesBrainpoolP256r1",
  "ecencSm2",
  "reconstructionValue",
] as const;

/** On PublicVerificationKey, BasePublicEncryptionKey and VerificationKeyIndicator. */
const securityKeyPointForm = defineCheck<Partial<Record<(typeof KEY_MEMBERS)[number], EccP256CurvePoint | EccP384CurvePoint>>>((key, path) => {
  const member = KEY_MEMBERS.find((name) => key[name] !== undefined);
  const point = member === undefined ? undefined : key[member];
  const form = point?.xOnly !== undefined ? "xOnly" : point?.fill !== undefined ? "fill" : undefined;
  if (member === undefined || form === undefined) return [];
  return [
    {
      path: fieldPath(path, member),
      rule: "security-key-point-form",
      value: form,
      expected: "a compressed (compressedY0, compressedY1) or uncompressed point",
      clause: "IEEE 1609.2-2022 Ieee1609Dot2BaseTypes PublicVerificationKey, BasePublicEncryptionKey; Ieee1609Dot2 VerificationKeyIndicator",
    },
  ];
});

/** Named checks of the v2xh.security.v1 schemas. */
export const SECURITY_CHECKS: Readonly<Record<string, MessageCheck>> = {
  "security-expiry-after-generation": securityExpiryAfterGeneration,
  "security-hash-matches-signature": securityHashMatchesSignature,
  "security-cert-signature-by-type": securityCertSignatureByType,
  "security-payload-present": securityPayloadPresent,
  "security-cert-permissions": securityCertPermissions,
  "security-key-point-form": securityKeyPointForm,
};
