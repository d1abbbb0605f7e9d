// The stderr log is plain text for people; the --log-file stays JSON; secrets are redacted in both.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileAccessError, environmentFailure } from "../src/fs-errors.js";
import { createLogger, formatLogLine } from "../src/log.js";

function capture(): { sink: { write(s: string): void }; text: () => string } {
  let out = "";
  return { sink: { write: (s: string) => void (out += s) }, text: () => out };
}

describe("log lines on stderr", () => {
  it("a warning is one plain-text line with its fields appended compactly", () => {
    const c = capture();
    const log = createLogger({ level: "warn", stderr: c.sink });
    log.warn({ sku: "MSK-1", status: 500 }, "Kurir Pengiriman* is empty");
    log.info("not shown at warn level");
    expect(c.text()).toBe("desbumi: warning: Kurir Pengiriman* is empty (sku=MSK-1, status=500)\n");
  });

  it("errors show their message, never the stack; levels are words", () => {
    const c = capture();
    const log = createLogger({ level: "debug", stderr: c.sink });
    log.error({ err: new Error("socket hang up") }, "request failed");
    log.debug({ removed: ["a.xlsx", "b.xlsx"], nested: { deep: 1 } }, "cleanup");
    const lines = c.text().split("\n");
    expect(lines[0]).toBe("desbumi: error: request failed (err=socket hang up)");
    expect(lines[1]).toBe("desbumi: debug: cleanup (removed=a.xlsx,b.xlsx)");
    expect(c.text()).not.toMatch(/\bat .*:\d+:\d+/);
    expect(c.text()).not.toContain("{");
  });

  it("redacted keys stay redacted on stderr and in the JSON file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "desbumi-log-"));
    const file = join(dir, "run.log");
    const c = capture();
    const log = createLogger({ level: "info", stderr: c.sink, file });
    log.warn(
      { token: "tok-SECRET-1", clientSecret: "cs-SECRET-2", headers: { authorization: "Bearer SECRET-3" }, sku: "K-1" },
      "token refresh failed",
    );
    log.flush();
    const json = await readFile(file, "utf8");
    expect(c.text()).toBe("desbumi: warning: token refresh failed (token=[redacted], clientSecret=[redacted], sku=K-1)\n");
    expect(JSON.parse(json.trim().split("\n")[0] ?? "{}")).toMatchObject({ level: 40, token: "[redacted]", msg: "token refresh failed" });
    for (const secret of ["tok-SECRET-1", "cs-SECRET-2", "SECRET-3"]) {
      expect(c.text()).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
  });

  it("the marketplace credentials' own key names are redacted too (TikTok Shop, Shopee)", () => {
    const c = capture();
    const log = createLogger({ level: "info", stderr: c.sink });
    const secrets = { refresh_token: "RT-SECRET-4", app_secret: "AS-SECRET-5", partner_key: "PK-SECRET-6", sign: "SIG-SECRET-7" };
    log.warn({ ...secrets, request: { refreshToken: "RT-SECRET-8", partnerKey: "PK-SECRET-9" }, shop: 42 }, "refresh");
    for (const secret of [...Object.values(secrets), "RT-SECRET-8", "PK-SECRET-9"]) expect(c.text()).not.toContain(secret);
    expect(c.text()).toContain("refresh_token=[redacted]");
    expect(c.text()).toContain("shop=42");
  });

  it("a line that is not JSON passes through", () => {
    expect(formatLogLine("plain words")).toBe("plain words\n");
  });
});

describe("--log-file that cannot be written", () => {
  it("a missing folder is made; a folder that is a file, or /proc, stops the run with a plain message (never hangs)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "desbumi-logfile-"));
    const nested = join(dir, "a", "b", "run.log");
    createLogger({ level: "silent", file: nested }).warn("x");
    expect(await readFile(nested, "utf8")).toContain('"msg":"x"');
    await writeFile(join(dir, "plain"), "");
    for (const bad of [join(dir, "plain", "run.log"), "/proc/desbumi-none/run.log"]) {
      let caught: unknown;
      try {
        createLogger({ level: "silent", file: bad });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(FileAccessError);
      expect(environmentFailure(caught, dir)?.en).toMatch(/cannot be (written|used)/);
    }
  });

  it("a write that fails later (a full disk) is said once on stderr and the run goes on", () => {
    const c = capture();
    const log = createLogger({ level: "silent", file: "/dev/full", stderr: c.sink });
    log.warn("first");
    log.warn("second");
    expect(c.text().match(/cannot be written \(ENOSPC\)/g)).toHaveLength(1);
    expect(c.text()).toContain("tidak bisa ditulis");
  });
});
