import type {
  Alarm2025,
  AlarmLevel2025,
  AlarmLevelEntry2025,
  BatteryTemperatures2025,
  ChargingState,
  CoordinateSystem,
  DcDcState,
  DriveMotor2025,
  DriveMotors2025,
  Engine2025,
  FuelCellEngine2025,
  FuelCellStack2025,
  FuelCellStacks2025,
  GeneralAlarmBit2025,
  InfoUnit2025,
  MinParallelUnitVoltages2025,
  MotorState,
  PackTemperatures2025,
  PackUnitVoltages2025,
  Position2025,
  RealtimeData2025,
  RunningMode,
  Supercapacitor2025,
  SupercapacitorExtremes2025,
  VehicleState,
  WholeVehicle2025,
} from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { enumByte, list, sequence, struct, u16, u32, u8, type Codec } from "./codec.ts";
import { FAULT_LISTS, countedLists } from "./counted-lists.ts";
import { byteReading, dwordReading, gear2025, time, wordReading } from "./elements.ts";
import { infoUnit, unitsToEnd } from "./info-unit.ts";
import { signature } from "./security.ts";

/** 0x01, table 10: 18 bytes, no pedal bytes. */
const wholeVehicle = struct<WholeVehicle2025>({
  vehicleState: enumByte<VehicleState>(),
  chargingState: enumByte<ChargingState>(),
  runningMode: enumByte<RunningMode>(),
  speed: wordReading,
  odometer: dwordReading,
  totalVoltage: wordReading,
  totalCurrent: wordReading,
  soc: byteReading,
  dcDcState: enumByte<DcDcState>(),
  gear: gear2025,
  insulationResistance: wordReading,
});

/** 0x02, tables 15-16: 10-byte records, torque a DWORD. */
const driveMotors = struct<DriveMotors2025>({
  motors: list(
    u8,
    struct<DriveMotor2025>({
      serial: byteReading,
      state: enumByte<MotorState>(),
      controllerTemperature: byteReading,
      speed: wordReading,
      torque: dwordReading,
      temperature: byteReading,
    }),
  ),
});

/** 0x03, table 17: 12 bytes. */
const fuelCellEngine = struct<FuelCellEngine2025>({
  maxHydrogenTemperature: wordReading,
  maxHydrogenTemperatureProbe: byteReading,
  maxHydrogenConcentration: wordReading,
  maxHydrogenConcentrationSensor: byteReading,
  maxHydrogenPressure: wordReading,
  maxHydrogenPressureSensor: byteReading,
  hvDcDcState: enumByte<DcDcState>(),
  remainingHydrogen: byteReading,
  hvDcDcControllerTemperature: byteReading,
});

/** 0x04, table 20. */
const engine = struct<Engine2025>({ crankshaftSpeed: wordReading });

/** 0x05, tables 21-22: status, coordinate system, longitude, latitude. */
const position = struct<Position2025>({ status: u8, coordinateSystem: enumByte<CoordinateSystem>(), longitude: dwordReading, latitude: dwordReading });

/** 0x06, tables 23-24: as 2016 plus the N5 list of (flag bit, level) pairs. */
const alarm = sequence<Alarm2025>(
  struct<Pick<Alarm2025, "maxAlarmLevel" | "generalAlarmFlags">>({ maxAlarmLevel: enumByte<AlarmLevel2025>(), generalAlarmFlags: u32 }),
  countedLists<Alarm2025, number>(FAULT_LISTS, u32),
  countedLists<Alarm2025, AlarmLevelEntry2025>(
    [["alarmLevelCount", "alarmLevels"]],
    struct<AlarmLevelEntry2025>({ flag: enumByte<GeneralAlarmBit2025>(), level: enumByte<AlarmLevel2025>() }),
  ),
);

/** 0x07, tables 11-12: every unit of a pack in one frame. */
const minParallelUnitVoltages = struct<MinParallelUnitVoltages2025>({
  packs: list(u8, struct<PackUnitVoltages2025>({ number: byteReading, voltage: wordReading, current: wordReading, unitVoltages: list(u16, wordReading) })),
});

/** 0x08, tables 13-14. */
const batteryTemperatures = struct<BatteryTemperatures2025>({
  packs: list(u8, struct<PackTemperatures2025>({ number: byteReading, probeTemperatures: list(u16, byteReading) })),
});

/** 0x30, tables 18-19. */
const fuelCellStacks = struct<FuelCellStacks2025>({
  stacks: list(
    u8,
    struct<FuelCellStack2025>({
      serial: byteReading,
      voltage: wordReading,
      current: wordReading,
      hydrogenInletPressure: wordReading,
      airInletPressure: wordReading,
      airInletTemperature: byteReading,
      coolantOutletTemperatures: list(u16, byteReading),
    }),
  ),
});

/** 0x31, table 25: one system per block, no count. */
const supercapacitor = struct<Supercapacitor2025>({
  systemNumber: byteReading,
  totalVoltage: wordReading,
  totalCurrent: wordReading,
  cellVoltages: list(u16, wordReading),
  probeTemperatures: list(u16, byteReading),
});

/** 0x32, table 26: 18 bytes; cell and probe codes are WORDs. */
const supercapacitorExtremes = struct<SupercapacitorExtremes2025>({
  maxVoltageSystem: byteReading,
  maxVoltageCell: wordReading,
  maxCellVoltage: wordReading,
  minVoltageSystem: byteReading,
  minVoltageCell: wordReading,
  minCellVoltage: wordReading,
  maxTemperatureSystem: byteReading,
  maxTemperatureProbe: wordReading,
  maxTemperature: byteReading,
  minTemperatureSystem: byteReading,
  minTemperatureProbe: wordReading,
  minTemperature: byteReading,
});

const infoUnit2025 = infoUnit<InfoUnit2025>([
  { type: 0x01, member: "vehicle", codec: wholeVehicle },
  { type: 0x02, member: "driveMotors", codec: driveMotors },
  { type: 0x03, member: "fuelCellEngine", codec: fuelCellEngine },
  { type: 0x04, member: "engine", codec: engine },
  { type: 0x05, member: "position", codec: position },
  { type: 0x06, member: "alarm", codec: alarm },
  { type: 0x07, member: "minParallelUnitVoltages", codec: minParallelUnitVoltages },
  { type: 0x08, member: "batteryTemperatures", codec: batteryTemperatures },
  { type: 0x30, member: "fuelCellStacks", codec: fuelCellStacks },
  { type: 0x31, member: "supercapacitor", codec: supercapacitor },
  { type: 0x32, member: "supercapacitorExtremes", codec: supercapacitorExtremes },
]);

const SIGNATURE_TYPE = 0xff;

/** The optional signature after type byte 0xFF, always last (table 8). */
const signatureTrailer: Codec<Partial<RealtimeData2025>> = {
  read(reader) {
    if (reader.peek() !== SIGNATURE_TYPE) return {};
    reader.u8("signature");
    reader.path.enter("signature");
    const signed = signature.read(reader);
    reader.path.leave();
    return { signature: signed };
  },
  write(writer, data) {
    if (data.signature === undefined) return;
    writer.u8(SIGNATURE_TYPE, "signature");
    writer.path.enter("signature");
    signature.write(writer, data.signature);
    writer.path.leave();
  },
};

/** Realtime (0x02) and reissue (0x03) data unit, 2025 (table 7): time, units, then an optional signature. */
export const realtimeData2025: Codec<RealtimeData2025> = sequence<RealtimeData2025>(
  struct<Pick<RealtimeData2025, "time" | "units">>({ time, units: unitsToEnd(infoUnit2025, SIGNATURE_TYPE) }),
  signatureTrailer,
);
