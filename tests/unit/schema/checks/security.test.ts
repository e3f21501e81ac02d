import { describe, expect, it } from "vitest";
import {
  CertificateType,
  HashAlgorithm,
  type Certificate,
  type EccP256CurvePoint,
  type HeaderInfo,
  type Ieee1609Dot2Data,
  type SignedData,
  type ToBeSignedCertificate,
} from "../../../../src/schema/gen/v2xh/security/v1/index.ts";
import { decodeJson, loadRegistry } from "../../../../src/schema/index.ts";
import { fixtureDecoder, fixtureJson, must, violations } from "../../../helpers/check-test.ts";

type Json = Record<string, unknown>;

const registry = loadRegistry();
const decoded = fixtureDecoder("security");
const CERTIFICATE = "v2xh.security.v1.Certificate";
const DATA = "v2xh.security.v1.Ieee1609Dot2Data";
const POINT = new Uint8Array(32).fill(7);

const securityJson = (name: string): Json => fixtureJson("security", name);

const rootCertificate = (): Certificate => decoded<Certificate>("certificate-root-sm2.json");
const implicitCertificate = (): Certificate => decoded<Certificate>("certificate-implicit-pseudonym.json");
const signedData = (message: Ieee1609Dot2Data): SignedData => must(message.content.signedData);
const headerInfo = (message: Ieee1609Dot2Data): HeaderInfo => signedData(message).tbsData.headerInfo;

describe("security-expiry-after-generation", () => {
  const rule = "security-expiry-after-generation";
  const PATH = "content.signedData.tbsData.headerInfo.expiryTime";

  it("accepts an expiry after the generation time, or either time alone", () => {
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-bsm-digest-sm2.json");
    expect(violations(DATA, message)).toEqual([]);
    headerInfo(message).expiryTime = 2323204n;
    expect(violations(DATA, message)).toEqual([]);
    delete headerInfo(message).generationTime;
    expect(violations(DATA, message)).toEqual([]);
  });

  it("rejects an expiry at or before the generation time", () => {
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-bsm-digest-sm2.json");
    headerInfo(message).expiryTime = 2323203n;
    expect(violations(DATA, message)).toEqual([{ path: PATH, rule, value: "2323203" }]);
    headerInfo(message).expiryTime = 1n;
    expect(violations(DATA, message)).toEqual([{ path: PATH, rule, value: "1" }]);
  });
});

describe("security-hash-matches-signature", () => {
  const rule = "security-hash-matches-signature";

  it("accepts matching pairs in signed data and certificates", () => {
    expect(violations(DATA, decoded("ieee1609dot2-data-bsm-digest-sm2.json"))).toEqual([]);
    expect(violations(DATA, decoded("ieee1609dot2-data-signed-by-certificate-p256.json"))).toEqual([]);
    const certificate = rootCertificate();
    certificate.issuer = { sm3AndDigest: new Uint8Array(8) };
    expect(violations(CERTIFICATE, certificate)).toEqual([]);
  });

  it("rejects a signed-data hashId that does not match the signature", () => {
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-bsm-digest-sm2.json");
    signedData(message).hashId = HashAlgorithm.SHA384;
    expect(violations(DATA, message)).toEqual([{ path: "content.signedData.signature", rule, value: "sm2Signature" }]);
  });

  it("rejects a certificate issuer hash that does not match the signature", () => {
    const certificate = rootCertificate();
    certificate.issuer = { sha384AndDigest: new Uint8Array(8) };
    expect(violations(CERTIFICATE, certificate)).toEqual([{ path: "signature", rule, value: "sm2Signature" }]);
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-signed-by-certificate-p256.json");
    const signer = must(must(signedData(message).signer.certificate).items[0]);
    signer.issuer = { self: HashAlgorithm.SM3 };
    expect(violations(DATA, message)).toEqual([{ path: "content.signedData.signer.certificate.items[0].signature", rule, value: "ecdsaNistP256Signature" }]);
  });

  it("leaves a signature without a member to the choice rule", () => {
    const json = securityJson("ieee1609dot2-data-bsm-digest-sm2.json");
    const message = decodeJson<Ieee1609Dot2Data>(registry, DATA, json);
    Object.assign(signedData(message), { hashId: HashAlgorithm.SHA384, signature: {} });
    expect(violations(DATA, message)).toEqual([{ path: "content.signedData.signature", rule: "choice", value: null }]);
  });
});

describe("security-cert-signature-by-type", () => {
  const rule = "security-cert-signature-by-type";

  it("accepts an explicit certificate with a signature and an implicit one without", () => {
    expect(violations(CERTIFICATE, rootCertificate())).toEqual([]);
    expect(violations(CERTIFICATE, implicitCertificate())).toEqual([]);
  });

  it("rejects the wrong presence of the signature", () => {
    const explicit = rootCertificate();
    delete explicit.signature;
    expect(violations(CERTIFICATE, explicit)).toEqual([{ path: "signature", rule, value: null }]);
    const implicit = implicitCertificate();
    implicit.signature = { ecdsaNistP256Signature: { rSig: { xOnly: POINT }, sSig: POINT } };
    expect(violations(CERTIFICATE, implicit)).toEqual([{ path: "signature", rule, value: "a message" }]);
  });

  it("rejects the wrong verification key indicator", () => {
    const explicit = rootCertificate();
    explicit.toBeSigned.verifyKeyIndicator = { reconstructionValue: { compressedY0: POINT } };
    expect(violations(CERTIFICATE, explicit)).toEqual([{ path: "toBeSigned.verifyKeyIndicator", rule, value: "reconstructionValue" }]);
    const implicit = implicitCertificate();
    implicit.type = CertificateType.EXPLICIT;
    implicit.signature = { ecdsaNistP256Signature: { rSig: { xOnly: POINT }, sSig: POINT } };
    expect(violations(CERTIFICATE, implicit)).toEqual([{ path: "toBeSigned.verifyKeyIndicator", rule, value: "reconstructionValue" }]);
  });

  it("skips a certificate without toBeSigned", () => {
    const json = securityJson("certificate-implicit-pseudonym.json");
    delete json["toBeSigned"];
    expect(violations(CERTIFICATE, decodeJson(registry, CERTIFICATE, json))).toEqual([{ path: "toBeSigned", rule: "required", value: null }]);
  });
});

describe("security-payload-present", () => {
  const rule = "security-payload-present";

  it("accepts data, an external data hash or omitted", () => {
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-bsm-digest-sm2.json");
    expect(violations(DATA, message)).toEqual([]);
    signedData(message).tbsData.payload = { extDataHash: { sm3HashedData: POINT } };
    expect(violations(DATA, message)).toEqual([]);
    signedData(message).tbsData.payload = { omitted: {} };
    expect(violations(DATA, message)).toEqual([]);
  });

  it("rejects an empty payload at the payload", () => {
    const message = decoded<Ieee1609Dot2Data>("ieee1609dot2-data-bsm-digest-sm2.json");
    signedData(message).tbsData.payload = {};
    expect(violations(DATA, message)).toEqual([{ path: "content.signedData.tbsData.payload", rule, value: null }]);
  });
});

describe("security-cert-permissions", () => {
  const rule = "security-cert-permissions";

  function withPermissions(permissions: Partial<ToBeSignedCertificate>): Certificate {
    const certificate = rootCertificate();
    Object.assign(certificate.toBeSigned, { appPermissions: [], certIssuePermissions: [], certRequestPermissions: [] }, permissions);
    return certificate;
  }

  it("accepts any one permission field", () => {
    expect(violations(CERTIFICATE, rootCertificate())).toEqual([]);
    expect(violations(CERTIFICATE, withPermissions({ certRequestPermissions: [{ subjectPermissions: { all: {} } }] }))).toEqual([]);
  });

  it("rejects a certificate without permissions at toBeSigned", () => {
    expect(violations(CERTIFICATE, withPermissions({}))).toEqual([{ path: "toBeSigned", rule, value: null }]);
  });

  it("rejects each later duplicate PSID in appPermissions", () => {
    const certificate = withPermissions({ appPermissions: [{ psid: 32 }, { psid: 38 }, { psid: 32 }, { psid: 32 }] });
    expect(violations(CERTIFICATE, certificate)).toEqual([
      { path: "toBeSigned.appPermissions[2].psid", rule, value: 32 },
      { path: "toBeSigned.appPermissions[3].psid", rule, value: 32 },
    ]);
  });
});

describe("security-key-point-form", () => {
  const rule = "security-key-point-form";
  const uncompressed: EccP256CurvePoint = { uncompressedP256: { x: POINT, y: POINT } };

  it("accepts compressed and uncompressed keys", () => {
    const certificate = rootCertificate();
    certificate.toBeSigned.verifyKeyIndicator = { verificationKey: { ecdsaBrainpoolP256r1: uncompressed } };
    certificate.toBeSigned.encryptionKey = { supportedSymmAlg: 1, publicKey: { ecencSm2: { compressedY0: POINT } } };
    expect(violations(CERTIFICATE, certificate)).toEqual([]);
    expect(violations(CERTIFICATE, implicitCertificate())).toEqual([]);
  });

  it("rejects an x-only verification or encryption key at the key member", () => {
    const certificate = rootCertificate();
    certificate.toBeSigned.verifyKeyIndicator = { verificationKey: { ecdsaNistP384: { xOnly: new Uint8Array(48) } } };
    certificate.toBeSigned.encryptionKey = { supportedSymmAlg: 0, publicKey: { eciesNistP256: { xOnly: POINT } } };
    expect(violations(CERTIFICATE, certificate)).toEqual([
      { path: "toBeSigned.encryptionKey.publicKey.eciesNistP256", rule, value: "xOnly" },
      { path: "toBeSigned.verifyKeyIndicator.verificationKey.ecdsaNistP384", rule, value: "xOnly" },
    ]);
  });

  it("rejects a fill reconstruction value", () => {
    const certificate = implicitCertificate();
    certificate.toBeSigned.verifyKeyIndicator = { reconstructionValue: { fill: {} } };
    expect(violations(CERTIFICATE, certificate)).toEqual([{ path: "toBeSigned.verifyKeyIndicator.reconstructionValue", rule, value: "fill" }]);
  });
});
