// Where secrets may go, written once for every adapter (issue 13 item 19):
// - endpoint URLs that receive credentials (token URL, API base URL) must be https, except to a
//   loopback host (the mock marketplace on 127.0.0.1 in tests and practice);
// - an env variable named to hold a marketplace secret should look like that marketplace's
//   (`TOKOPEDIA_CLIENT_SECRET`, `SHOPEE_PARTNER_KEY`): a name like `CI_DEPLOY_KEY` would send some
//   other secret to the marketplace's token URL, so it is warned about.
// Adapters use `endpointUrl()` in their options schema and `secretEnvWarnings()` in create().
import { z } from "zod";
import type { Text } from "../i18n.js";

const LOOPBACK_NAMES = new Set(["localhost", "::1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (LOOPBACK_NAMES.has(host) || host.endsWith(".localhost")) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Why `url` may not receive credentials, or undefined when it may. */
export function insecureEndpoint(url: string): Text | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the url schema reports malformed URLs itself
  }
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname)) return undefined;
  return {
    id: `${url} tidak aman untuk kredensial: pakai https:// (http:// hanya untuk 127.0.0.1/localhost, misalnya toko latihan)`,
    en: `${url} is not safe for credentials: use https:// (plain http:// only to 127.0.0.1/localhost, e.g. the mock marketplace)`,
  };
}

/** A URL option that will receive credentials: https, or http to a loopback host only. */
export function endpointUrl(defaultUrl: string, description: string) {
  return z
    .url()
    .refine((url) => insecureEndpoint(url) === undefined, { message: "must be https:// (plain http:// only to 127.0.0.1 or localhost)" })
    .default(defaultUrl)
    .describe(description);
}

/**
 * Warnings for env variable names that do not look like the marketplace's. `words`: what the
 * marketplace's names contain (`["TOKOPEDIA", "TOKPED"]`); a name with `DESBUMI` is fine too.
 */
export function secretEnvWarnings(names: readonly string[], marketplace: { name: string; words: readonly string[] }): Text[] {
  const words = [...marketplace.words, "DESBUMI"].map((w) => w.toUpperCase());
  return names
    .filter((name) => !words.some((w) => name.toUpperCase().includes(w)))
    .map((name) => ({
      id: `Variabel lingkungan ${name} tidak terlihat seperti rahasia ${marketplace.name} (biasanya namanya memuat ${marketplace.words[0]}). Isinya akan dikirim ke ${marketplace.name}; periksa clientIdEnv/clientSecretEnv di desbumi.config.json.`,
      en: `Environment variable ${name} does not look like a ${marketplace.name} secret (its name usually contains ${marketplace.words[0]}). Its value will be sent to ${marketplace.name}; check clientIdEnv/clientSecretEnv in desbumi.config.json.`,
    }));
}
