import { describe, expect, it } from "vitest";
import { ecefToGeodetic, geodesicInverse, geodeticToEcef, headingOf, LocalFrame, type GeoPoint } from "../../../src/sim/geo.ts";
import { Random } from "../../../src/sim/random.ts";

/** Distance between two geodetic points through their ECEF coordinates, m. */
function chord(a: GeoPoint, b: GeoPoint): number {
  const p = geodeticToEcef(a);
  const q = geodeticToEcef(b);
  return Math.hypot(p.x - q.x, p.y - q.y, p.z - q.z);
}

const dms = (d: number, m: number, s: number): number => Math.sign(d) * (Math.abs(d) + m / 60 + s / 3600);

describe("geodetic ↔ ECEF", () => {
  it("puts known points where they belong", () => {
    expect(geodeticToEcef({ lat: 0, lon: 0, elevation: 0 })).toEqual({ x: 6378137, y: 0, z: 0 });
    const pole = geodeticToEcef({ lat: 90, lon: 0, elevation: 0 });
    expect(pole.z).toBeCloseTo(6356752.314245, 5);
    expect(Math.abs(pole.x)).toBeLessThan(1e-9);
  });

  it("round-trips to well under a millimetre from pole to pole and up to orbit heights", () => {
    const random = new Random("geo-round-trip");
    for (let i = 0; i < 2000; i++) {
      const point = { lat: random.uniform(-89.9, 89.9), lon: random.uniform(-180, 180), elevation: random.uniform(-400, 40000) };
      const back = ecefToGeodetic(geodeticToEcef(point));
      expect(chord(point, back)).toBeLessThan(1e-4);
      expect(Math.abs(back.elevation - point.elevation)).toBeLessThan(1e-4);
    }
  });
});

describe("LocalFrame (ENU)", () => {
  const origin = { lat: 39.80039, lon: 116.49458, elevation: 33 };
  const frame = new LocalFrame(origin);

  it("puts the origin at zero", () => {
    const enu = frame.toEnu(origin);
    expect(Math.hypot(enu.east, enu.north, enu.up)).toBeLessThan(1e-6);
  });

  it("round-trips points up to 20 km away to well under a millimetre", () => {
    const random = new Random("enu-round-trip");
    for (let i = 0; i < 1000; i++) {
      const enu = { east: random.uniform(-20000, 20000), north: random.uniform(-20000, 20000), up: random.uniform(-50, 500) };
      const back = frame.toEnu(frame.toGeodetic(enu));
      expect(Math.hypot(back.east - enu.east, back.north - enu.north, back.up - enu.up)).toBeLessThan(1e-4);
      const geo = { lat: origin.lat + random.uniform(-0.1, 0.1), lon: origin.lon + random.uniform(-0.1, 0.1), elevation: random.uniform(0, 100) };
      expect(chord(geo, frame.toGeodetic(frame.toEnu(geo)))).toBeLessThan(1e-4);
    }
  });

  it("measures north, east and up along the right axes", () => {
    // One arc-second of latitude at 39.8° N is 30.86 m (meridian radius 6 364 km).
    const north = frame.toEnu({ ...origin, lat: origin.lat + 1 / 3600 });
    expect(north.north).toBeCloseTo(30.86, 1);
    expect(Math.abs(north.east)).toBeLessThan(1e-6);
    const east = frame.toEnu({ ...origin, lon: origin.lon + 1 / 3600 });
    expect(east.east).toBeCloseTo(23.78, 1);
    expect(frame.toEnu({ ...origin, elevation: 43 }).up).toBeCloseTo(10, 9);
  });

  it("keeps a tangent-plane distance equal to the ECEF chord", () => {
    const enu = frame.toEnu({ lat: 39.81, lon: 116.5, elevation: 40 });
    expect(Math.hypot(enu.east, enu.north, enu.up)).toBeCloseTo(chord(origin, { lat: 39.81, lon: 116.5, elevation: 40 }), 6);
  });
});

describe("geodesicInverse (Vincenty)", () => {
  it("reproduces the Flinders Peak – Buninyong test line", () => {
    // Vincenty (1975) / Geoscience Australia: 54 972.271 m, azimuths 306°52′05.37″ and 127°10′25.07″ (+180°).
    const flinders = { lat: dms(-37, 57, 3.7203), lon: dms(144, 25, 29.5244) };
    const buninyong = { lat: dms(-37, 39, 10.1561), lon: dms(143, 55, 35.3839) };
    const g = geodesicInverse(flinders, buninyong);
    expect(g.distance).toBeCloseTo(54972.271, 3);
    expect(g.initialBearing).toBeCloseTo(dms(306, 52, 5.37), 5);
    expect(g.finalBearing).toBeCloseTo(dms(307, 10, 25.07), 5);
  });

  it("agrees with the ENU distance over a few hundred metres", () => {
    const frame = new LocalFrame({ lat: 39.80039, lon: 116.49458 });
    const far = frame.toGeodetic({ east: 300, north: -200, up: 0 });
    expect(geodesicInverse(frame.origin, far).distance).toBeCloseTo(Math.hypot(300, 200), 2);
  });

  it("returns zero for the same point", () => {
    expect(geodesicInverse({ lat: 10, lon: 20 }, { lat: 10, lon: 20 }).distance).toBe(0);
  });
});

describe("headingOf", () => {
  it.each([
    [0, 1, 0],
    [1, 0, 90],
    [0, -1, 180],
    [-1, 0, 270],
    [-1, 1, 315],
  ])("east %d, north %d is %d°", (east, north, heading) => {
    expect(headingOf(east, north)).toBeCloseTo(heading, 9);
  });
});
