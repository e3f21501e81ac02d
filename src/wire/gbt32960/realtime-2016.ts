import type {
  Alarm2016,
  AlarmLevel2016,
  ChargingState,
  DcDcState,
  DriveMotor2016,
  DriveMotors2016,
  Engine2016,
  EngineState,
  ExtremeValues2016,
  FuelCell2016,
  InfoUnit2016,
  MotorState,
  Position2016,
  RealtimeData2016,
  RessTemperatureSubsystem2016,
  RessTemperatures2016,
  RessVoltageSubsystem2016,
  RessVoltages2016,
  RunningMode,
  VehicleState,
  WholeVehicle2016,
} from "../../schema/gen/v2xh/gbt32960/v1/index.ts";
import { enumByte, list, sequence, struct, u16, u32, u8, type Codec } from "./codec.ts";
import { FAULT_LISTS, countedLists } from "./counted-lists.ts";
import { byteReading, dwordReading, gear2016, time, wordReading } from "./elements.ts";
import { infoUnit, unitsToEnd } from "./info-unit.ts";

/** 0x01, table B.4 (the main body's reserved WORD in table 9 lands on the two pedal bytes). */
const wholeVehicle = struct<WholeVehicle2016>({
  vehicleState: enumByte<VehicleState>(),
  chargingState: enumByte<ChargingState>(),
  runningMode: enumByte<RunningMode>(),
  speed: wordReading,
  odometer: dwordReading,
  totalVoltage: wordReading,
  totalCurrent: wordReading,
  soc: byteReading,
  dcDcState: enumByte<DcDcState>(),
  gear: gear2016,
  insulationResistance: wordReading,
  acceleratorPedal: byteReading,
  brakePedal: byteReading,
});

/** 0x02, tables 10-11. */
const driveMotors = struct<DriveMotors2016>({
  motors: list(
    u8,
    struct<DriveMotor2016>({
      serial: byteReading,
      state: enumByte<MotorState>(),
      controllerTemperature: byteReading,
      speed: wordReading,
      torque: wordReading,
      temperature: byteReading,
      controllerInputVoltage: wordReading,
      controllerDcBusCurrent: wordReading,
    }),
  ),
});

/** 0x03, table 12: 18 + N bytes. */
const fuelCell = struct<FuelCell2016>({
  voltage: wordReading,
  current: wordReading,
  fuelConsumptionRate: wordReading,
  probeTemperatures: list(u16, byteReading),
  maxHydrogenTemperature: wordReading,
  maxHydrogenTemperatureProbe: byteReading,
  maxHydrogenConcentration: wordReading,
  maxHydrogenConcentrationSensor: byteReading,
  maxHydrogenPressure: wordReading,
  maxHydrogenPressureSensor: byteReading,
  hvDcDcState: enumByte<DcDcState>(),
});

/** 0x04, table 13. */
const engine = struct<Engine2016>({ state: enumByte<EngineState>(), crankshaftSpeed: wordReading, fuelConsumptionRate: wordReading });

/** 0x05, tables 14-15: longitude before latitude. */
const position = struct<Position2016>({ status: u8, longitude: dwordReading, latitude: dwordReading });

/** 0x06, table 16. */
const extremeValues = struct<ExtremeValues2016>({
  maxVoltageSubsystem: byteReading,
  maxVoltageCell: byteReading,
  maxCellVoltage: wordReading,
  minVoltageSubsystem: byteReading,
  minVoltageCell: byteReading,
  minCellVoltage: wordReading,
  maxTemperatureSubsystem: byteReading,
  maxTemperatureProbe: byteReading,
  maxTemperature: byteReading,
  minTemperatureSubsystem: byteReading,
  minTemperatureProbe: byteReading,
  minTemperature: byteReading,
});

/** 0x07, tables 17-18. */
const alarm = sequence<Alarm2016>(
  struct<Pick<Alarm2016, "maxAlarmLevel" | "generalAlarmFlags">>({ maxAlarmLevel: enumByte<AlarmLevel2016>(), generalAlarmFlags: u32 }),
  countedLists<Alarm2016, number>(FAULT_LISTS, u32),
);

/** 0x08, tables B.5-B.6: a window of cells starting at firstCell; the cells-in-frame byte is the list length. */
const ressVoltages = struct<RessVoltages2016>({
  subsystems: list(
    u8,
    struct<RessVoltageSubsystem2016>({
      number: byteReading,
      voltage: wordReading,
      current: wordReading,
      totalCells: wordReading,
      firstCell: wordReading,
      cellVoltages: list(u8, wordReading),
    }),
  ),
});

/** 0x09, tables B.7-B.8. */
const ressTemperatures = struct<RessTemperatures2016>({
  subsystems: list(u8, struct<RessTemperatureSubsystem2016>({ number: byteReading, probeTemperatures: list(u16, byteReading) })),
});

const infoUnit2016 = infoUnit<InfoUnit2016>([
  { type: 0x01, member: "vehicle", codec: wholeVehicle },
  { type: 0x02, member: "driveMotors", codec: driveMotors },
  { type: 0x03, member: "fuelCell", codec: fuelCell },
  { type: 0x04, member: "engine", codec: engine },
  { type: 0x05, member: "position", codec: position },
  { type: 0x06, member: "extremeValues", codec: extremeValues },
  { type: 0x07, member: "alarm", codec: alarm },
  { type: 0x08, member: "ressVoltages", codec: ressVoltages },
  { type: 0x09, member: "ressTemperatures", codec: ressTemperatures },
]);

/** Realtime (0x02) and reissue (0x03) data unit, 2016 (table 7): time, then units up to the end of the data unit. */
export const realtimeData2016: Codec<RealtimeData2016> = struct<RealtimeData2016>({ time, units: unitsToEnd(infoUnit2016) });
