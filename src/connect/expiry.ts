// "Connect again soon" warnings (issue 15): validate and sync say so when a stored authorization
// ends within 14 days, read offline from the token store through AdapterDefinition.authorizationStatus.
import type { AdapterDefinition } from "../adapters/types.js";
import type { LoadedConfig } from "../config/types.js";
import type { Text } from "../i18n.js";
import { silentLogger } from "../log.js";

export const EXPIRY_WARNING_DAYS = 14;

export async function expiryWarning(
  definition: AdapterDefinition<unknown>,
  block: Record<string, unknown> | undefined,
  ctx: { env: NodeJS.ProcessEnv; cwd: string; group: string },
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<Text | undefined> {
  if (!definition.authorizationStatus) return undefined;
  const { adapter: _name, ...raw } = block ?? {};
  const parsed = definition.optionsSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const status = await definition.authorizationStatus(parsed.data, { log: silentLogger(), env: ctx.env, cwd: ctx.cwd, group: ctx.group }).catch(() => undefined);
  if (!status?.connected || status.reconnectBy === undefined) return undefined;
  const days = Math.floor((status.reconnectBy - nowSeconds) / 86_400);
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  const date = new Date(status.reconnectBy * 1000).toISOString().slice(0, 10);
  const g = ctx.group !== "default" ? ` --group ${ctx.group}` : "";
  return {
    en: `warning: the ${definition.name} authorization${status.shop ? ` of ${status.shop}` : ""} ends on ${date} (in ${Math.max(days, 0)} days): run \`desbumi connect ${definition.name}${g}\` before then.`,
    id: `peringatan: izin ${definition.name}${status.shop ? ` untuk ${status.shop}` : ""} berakhir pada ${date} (${Math.max(days, 0)} hari lagi): jalankan \`desbumi connect ${definition.name}${g}\` sebelum itu.`,
  };
}

/** One warning per config group whose authorization ends soon. */
export async function configExpiryWarnings(config: LoadedConfig, nowSeconds?: number): Promise<Text[]> {
  const { findAdapter } = await import("../adapters/index.js");
  const out: Text[] = [];
  for (const group of config.groups) {
    const block = group.marketplace ?? config.marketplace;
    const definition = block ? findAdapter(block.adapter) : undefined;
    if (!definition) continue;
    const w = await expiryWarning(definition, block, { env: config.env, cwd: config.dir, group: group.id }, nowSeconds);
    if (w) out.push(w);
  }
  return out;
}
