import { Edition, type Parameter, type ParameterQuery, type ParameterQueryAnswer, type ParameterSet, type SamplingMonitoring, type UserDefinedParameter } from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import type { ByteReader } from "./byte-reader.ts";
import type { ByteWriter } from "./byte-writer.ts";
import { enumByte, fixedText, isUserDefinedCode, list, struct, u8, type Codec } from "./codec.ts";
import { byteReading, time, wordReading } from "./elements.ts";
import { hex } from "./wire-error.ts";

type Member = Exclude<keyof Parameter, "userDefined" | "remoteDomain" | "publicDomain">;

interface FixedLayout {
  readonly id: number;
  readonly member: Member;
  readonly codec: Codec<unknown>;
}

/** Parameter IDs of fixed width (table B.12), as the 2016 edition lays them out. */
const FIXED_2016: readonly (readonly [number, Member, Codec<unknown>])[] = [
  [0x01, "localStoragePeriod", wordReading],
  [0x02, "normalReportPeriod", wordReading],
  [0x03, "alarmReportPeriod", wordReading],
  [0x04, "remoteDomainLength", u8],
  [0x06, "remotePort", wordReading],
  [0x07, "hardwareVersion", fixedText(5)],
  [0x08, "firmwareVersion", fixedText(5)],
  [0x09, "heartbeatPeriod", byteReading],
  [0x0a, "terminalResponseTimeout", wordReading],
  [0x0b, "platformResponseTimeout", wordReading],
  [0x0c, "loginRetryInterval", byteReading],
  [0x0d, "publicDomainLength", u8],
  [0x0f, "publicPort", wordReading],
  [0x10, "samplingMonitoring", enumByte<SamplingMonitoring>()],
];

/** 2025 table B.8: parameters 0x02 and 0x03 shrank to one BYTE. */
const FIXED_2025 = FIXED_2016.map(([id, member, codec]): readonly [number, Member, Codec<unknown>] => {
  if (id === 0x02) return [id, "normalReportPeriod2025", byteReading];
  if (id === 0x03) return [id, "alarmReportPeriod2025", byteReading];
  return [id, member, codec];
});

/** A domain name has no length of its own: the nearest earlier length item sizes it. */
const DOMAINS = [
  { id: 0x05, member: "remoteDomain", lengthMember: "remoteDomainLength" },
  { id: 0x0e, member: "publicDomain", lengthMember: "publicDomainLength" },
] as const;

function isDomainLength(member: string): boolean {
  return DOMAINS.some((domain) => domain.lengthMember === member);
}

/** The count byte and parameter items of a query answer or a set (tables B.10, B.12, B.13). */
function parameterItems(fixed: readonly (readonly [number, Member, Codec<unknown>])[]): Codec<Parameter[]> {
  const layouts: FixedLayout[] = fixed.map(([id, member, codec]) => ({ id, member, codec }));
  const byId = new Map(layouts.map((layout) => [layout.id, layout]));
  const byMember = new Map<string, FixedLayout>(layouts.map((layout) => [layout.member, layout]));
  return {
    read(reader) {
      const count = reader.u8();
      const items: Parameter[] = [];
      const domainLengths = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        reader.path.enter(i);
        items.push(readItem(reader, byId, domainLengths, i === count - 1));
        reader.path.leave();
      }
      return items;
    },
    write(writer, items) {
      writer.u8(items.length);
      const domainLengths = new Map<string, number>();
      items.forEach((item, i) => {
        writer.path.enter(i);
        writeItem(writer, item, byMember, domainLengths, i === items.length - 1);
        writer.path.leave();
      });
    },
  };
}

function readItem(reader: ByteReader, byId: ReadonlyMap<number, FixedLayout>, domainLengths: Map<string, number>, last: boolean): Parameter {
  const at = reader.offset;
  const id = reader.u8("id");
  const fixed = byId.get(id);
  if (fixed !== undefined) {
    reader.path.enter(fixed.member);
    const value = fixed.codec.read(reader);
    reader.path.leave();
    if (isDomainLength(fixed.member)) domainLengths.set(fixed.member, value as number);
    return { [fixed.member]: value } as Parameter;
  }
  const domain = DOMAINS.find((candidate) => candidate.id === id);
  if (domain !== undefined) {
    const length = domainLengths.get(domain.lengthMember);
    if (length === undefined) return reader.fail("UnknownCodeError", domain.member, `no ${domain.lengthMember} item comes before it, so its length is unknown`, at);
    return { [domain.member]: reader.latin1(length, domain.member) } as Parameter;
  }
  if (isUserDefinedCode(id)) {
    // The width of a user-defined value is the maker's secret: it can only run to the end of the data unit.
    if (!last) return reader.fail("UnknownCodeError", "userDefined", `user-defined parameter ${hex(id)} has no known width, so the items after it cannot be read`, at);
    const userDefined: UserDefinedParameter = { id, value: reader.bytesOf(reader.remaining, "userDefined.value") };
    return { userDefined };
  }
  return reader.fail("UnknownCodeError", "id", `unknown parameter ID ${hex(id)}; its width is unknown, so the items after it cannot be read`, at);
}

function writeItem(writer: ByteWriter, item: Parameter, byMember: ReadonlyMap<string, FixedLayout>, domainLengths: Map<string, number>, last: boolean): void {
  const [member, value] = Object.entries(item).find(([, v]) => v !== undefined) ?? [];
  if (member === undefined) return writer.fail("ValueError", undefined, "no parameter is set");
  writer.path.enter(member);
  if (member === "userDefined") {
    const userDefined = value as UserDefinedParameter;
    if (!last) writer.fail("ValueError", undefined, "a user-defined parameter has no known width, so it must be the last item");
    if (!isUserDefinedCode(userDefined.id)) {
      writer.fail("ValueError", "id", `expected a user-defined ID 0x80..0xfe, got ${String(userDefined.id)}`);
    }
    writer.u8(userDefined.id, "id");
    writer.bytes(userDefined.value);
  } else {
    writeKnownItem(writer, member, value, byMember, domainLengths);
  }
  writer.path.leave();
}

function writeKnownItem(writer: ByteWriter, member: string, value: unknown, byMember: ReadonlyMap<string, FixedLayout>, domainLengths: Map<string, number>): void {
  const domain = DOMAINS.find((candidate) => candidate.member === member);
  if (domain !== undefined) {
    const text = value as string;
    const length = domainLengths.get(domain.lengthMember);
    if (length !== text.length) writer.fail("ValueError", undefined, `expected the length of the nearest earlier ${domain.lengthMember} item (${length ?? "none"}), got ${text.length} characters`);
    writer.u8(domain.id);
    writer.latin1(text);
    return;
  }
  const layout = byMember.get(member);
  if (layout === undefined) return writer.fail("ValueError", undefined, "this form of the parameter belongs to the other edition");
  writer.u8(layout.id);
  if (isDomainLength(member)) domainLengths.set(member, value as number);
  layout.codec.write(writer, value);
}

/** Parameter query (table B.9): time, count, IDs. */
export const parameterQuery: Codec<ParameterQuery> = struct<ParameterQuery>({ time, ids: list(u8, u8) });

/** Query answer (table B.10) and set (table B.13) of one edition. */
export function parameterCodecs(edition: Edition): { answer: Codec<ParameterQueryAnswer>; set: Codec<ParameterSet> } {
  const items = parameterItems(edition === Edition.EDITION_2025 ? FIXED_2025 : FIXED_2016);
  return { answer: struct<ParameterQueryAnswer>({ time, parameters: items }), set: struct<ParameterSet>({ time, parameters: items }) };
}
