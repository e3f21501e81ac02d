/** A WGS-84 geodetic position: degrees (north and east positive) and metres above the ellipsoid. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
  /** Height above the WGS-84 ellipsoid, m; absent when unknown. */
  readonly elevation?: number;
}

/** Earth-centred, earth-fixed cartesian coordinates, m. */
export interface Ecef {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Local east-north-up coordinates around a reference point, m. */
export interface Enu {
  readonly east: number;
  readonly north: number;
  readonly up: number;
}

/** The WGS-84 ellipsoid (NIMA TR8350.2). */
export const WGS84 = {
  a: 6378137,
  f: 1 / 298.257223563,
} as const;

const A = WGS84.a;
const F = WGS84.f;
const B = A * (1 - F);
const E2 = F * (2 - F);
const EP2 = (A * A - B * B) / (B * B);

const RAD = Math.PI / 180;

export function toRadians(degrees: number): number {
  return degrees * RAD;
}

export function toDegrees(radians: number): number {
  return radians / RAD;
}

/** The angle in [0, 360). */
export function normalizeDegrees(degrees: number): number {
  const d = degrees % 360;
  return d < 0 ? d + 360 : d;
}

/** Heading of a horizontal direction, degrees clockwise from north in [0, 360). */
export function headingOf(east: number, north: number): number {
  return normalizeDegrees(toDegrees(Math.atan2(east, north)));
}

export function geodeticToEcef(point: GeoPoint): Ecef {
  const phi = toRadians(point.lat);
  const lambda = toRadians(point.lon);
  const h = point.elevation ?? 0;
  const sinPhi = Math.sin(phi);
  const n = A / Math.sqrt(1 - E2 * sinPhi * sinPhi);
  return {
    x: (n + h) * Math.cos(phi) * Math.cos(lambda),
    y: (n + h) * Math.cos(phi) * Math.sin(lambda),
    z: (n * (1 - E2) + h) * sinPhi,
  };
}

/**
 * Exact closed-form inverse (Heikkinen 1982, as given by Zhu 1993): no iteration, sub-millimetre
 * everywhere except within a few km of the earth's centre.
 */
export function ecefToGeodetic({ x, y, z }: Ecef): Required<GeoPoint> {
  const r = Math.hypot(x, y);
  const lon = toDegrees(Math.atan2(y, x));
  if (r === 0) return { lat: z >= 0 ? 90 : -90, lon: 0, elevation: Math.abs(z) - B };
  const e4 = E2 * E2;
  const f54 = 54 * B * B * z * z;
  const g = r * r + (1 - E2) * z * z - E2 * (A * A - B * B);
  const c = (e4 * f54 * r * r) / (g * g * g);
  const s = Math.cbrt(1 + c + Math.sqrt(c * c + 2 * c));
  const k = s + 1 / s + 1;
  const p = f54 / (3 * k * k * g * g);
  const q = Math.sqrt(1 + 2 * e4 * p);
  const r0 = (-p * E2 * r) / (1 + q) + Math.sqrt(((A * A) / 2) * (1 + 1 / q) - (p * (1 - E2) * z * z) / (q * (1 + q)) - (p * r * r) / 2);
  const t = r - E2 * r0;
  const u = Math.hypot(t, z);
  const v = Math.sqrt(t * t + (1 - E2) * z * z);
  const z0 = (B * B * z) / (A * v);
  return {
    lat: toDegrees(Math.atan((z + EP2 * z0) / r)),
    lon,
    elevation: u * (1 - (B * B) / (A * v)),
  };
}

/** East-north-up tangent-plane coordinates around a fixed origin; conversions are exact both ways. */
export class LocalFrame {
  readonly origin: Required<GeoPoint>;
  private readonly originEcef: Ecef;
  private readonly sinLat: number;
  private readonly cosLat: number;
  private readonly sinLon: number;
  private readonly cosLon: number;

  constructor(origin: GeoPoint) {
    this.origin = { lat: origin.lat, lon: origin.lon, elevation: origin.elevation ?? 0 };
    this.originEcef = geodeticToEcef(this.origin);
    this.sinLat = Math.sin(toRadians(origin.lat));
    this.cosLat = Math.cos(toRadians(origin.lat));
    this.sinLon = Math.sin(toRadians(origin.lon));
    this.cosLon = Math.cos(toRadians(origin.lon));
  }

  toEnu(point: GeoPoint): Enu {
    const p = geodeticToEcef(point);
    const dx = p.x - this.originEcef.x;
    const dy = p.y - this.originEcef.y;
    const dz = p.z - this.originEcef.z;
    return {
      east: -this.sinLon * dx + this.cosLon * dy,
      north: -this.sinLat * this.cosLon * dx - this.sinLat * this.sinLon * dy + this.cosLat * dz,
      up: this.cosLat * this.cosLon * dx + this.cosLat * this.sinLon * dy + this.sinLat * dz,
    };
  }

  toGeodetic({ east, north, up }: Enu): Required<GeoPoint> {
    return ecefToGeodetic({
      x: this.originEcef.x - this.sinLon * east - this.sinLat * this.cosLon * north + this.cosLat * this.cosLon * up,
      y: this.originEcef.y + this.cosLon * east - this.sinLat * this.sinLon * north + this.cosLat * this.sinLon * up,
      z: this.originEcef.z + this.cosLat * north + this.sinLat * up,
    });
  }
}

/** Length and end azimuths of the shortest path on the ellipsoid between two points. */
export interface Geodesic {
  /** m */
  readonly distance: number;
  /** Azimuth at the start, degrees clockwise from north. */
  readonly initialBearing: number;
  /** Azimuth at the end, degrees clockwise from north. */
  readonly finalBearing: number;
}

/**
 * Vincenty's inverse formula on WGS-84 (accurate to well under a millimetre). It may not converge
 * for nearly antipodal points, which a road network never has; it throws then.
 */
export function geodesicInverse(from: GeoPoint, to: GeoPoint): Geodesic {
  const l = toRadians(to.lon - from.lon);
  const u1 = Math.atan((1 - F) * Math.tan(toRadians(from.lat)));
  const u2 = Math.atan((1 - F) * Math.tan(toRadians(to.lat)));
  const sinU1 = Math.sin(u1);
  const cosU1 = Math.cos(u1);
  const sinU2 = Math.sin(u2);
  const cosU2 = Math.cos(u2);
  let lambda = l;
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    if (sinSigma === 0) return { distance: 0, initialBearing: 0, finalBearing: 0 };
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const c = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda = l + (1 - c) * F * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-12) {
      const uu = (cos2Alpha * (A * A - B * B)) / (B * B);
      const aa = 1 + (uu / 16384) * (4096 + uu * (-768 + uu * (320 - 175 * uu)));
      const bb = (uu / 1024) * (256 + uu * (-128 + uu * (74 - 47 * uu)));
      const deltaSigma =
        bb *
        sinSigma *
        (cos2SigmaM +
          (bb / 4) *
            (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (bb / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return {
        distance: B * aa * (sigma - deltaSigma),
        initialBearing: normalizeDegrees(toDegrees(Math.atan2(cosU2 * Math.sin(lambda), cosU1 * sinU2 - sinU1 * cosU2 * Math.cos(lambda)))),
        finalBearing: normalizeDegrees(toDegrees(Math.atan2(cosU1 * Math.sin(lambda), -sinU1 * cosU2 + cosU1 * sinU2 * Math.cos(lambda)))),
      };
    }
  }
  throw new Error(`geodesicInverse: no convergence between ${from.lat},${from.lon} and ${to.lat},${to.lon} (nearly antipodal points)`);
}
