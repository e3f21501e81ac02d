import type { SutRole } from "../verdict.ts";
import { OBU_ROLE, type ObuParams } from "./obu.ts";
import { PLATFORM_ROLE, type PlatformParams } from "./platform.ts";
import type { RoleDefinition } from "./role-definition.ts";
import { RSU_ROLE, type RsuParams } from "./rsu.ts";
import { TBOX_ROLE, type TboxParams } from "./tbox.ts";
import { VSS_ROLE, type VssParams } from "./vss.ts";

export interface RoleParams {
  obu: ObuParams;
  rsu: RsuParams;
  tbox: TboxParams;
  platform: PlatformParams;
  vss: VssParams;
}

export const ROLE_DEFINITIONS: { readonly [R in SutRole]: RoleDefinition<RoleParams[R]> } = {
  obu: OBU_ROLE,
  rsu: RSU_ROLE,
  tbox: TBOX_ROLE,
  platform: PLATFORM_ROLE,
  vss: VSS_ROLE,
};

export type { Peer, PicsItem, RoleDefinition } from "./role-definition.ts";
