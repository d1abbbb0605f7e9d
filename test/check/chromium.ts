// Drives a real headless Chromium (Debian's package) over the DevTools protocol, for page tests:
// open a file, read element boxes, take a screenshot. Loopback only; the browser is killed after.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "undici";

export const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));

export interface Browser {
  open(url: string, size: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}
export interface Page {
  evaluate<T>(expression: string): Promise<T>;
  screenshot(): Promise<Buffer>;
}

export async function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error("chromium not installed (apt-get install chromium)");
  const profile = mkdtempSync(join(tmpdir(), "desbumi-chromium-"));
  const child: ChildProcess = spawn(
    CHROMIUM,
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`chromium did not start: ${seen.slice(-500)}`)), 30_000);
    child.stderr?.on("data", (d: Buffer) => {
      seen += d.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-500)}`)));
  });
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", reject, { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const listeners: ((msg: any) => void)[] = [];
  ws.addEventListener("message", (event) => {
    const msg = JSON.parse(String(event.data));
    if (msg.id !== undefined && pending.has(msg.id)) {
      const p = pending.get(msg.id)!;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error.message));
      else p.resolve(msg.result);
    } else for (const l of listeners) l(msg);
  });
  const send = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });

  return {
    async open(url, size) {
      const { targetId } = await send("Target.createTarget", { url: "about:blank" });
      const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
      await send("Page.enable", {}, sessionId);
      await send("Emulation.setDeviceMetricsOverride", { width: size.width, height: size.height, deviceScaleFactor: 1, mobile: false }, sessionId);
      const loaded = new Promise<void>((resolve) => {
        const l = (msg: any) => {
          if (msg.sessionId === sessionId && msg.method === "Page.loadEventFired") {
            listeners.splice(listeners.indexOf(l), 1);
            resolve();
          }
        };
        listeners.push(l);
      });
      await send("Page.navigate", { url }, sessionId);
      await loaded;
      return {
        async evaluate<T>(expression: string): Promise<T> {
          const { result, exceptionDetails } = await send("Runtime.evaluate", { expression, returnByValue: true }, sessionId);
          if (exceptionDetails) throw new Error(`page script failed: ${JSON.stringify(exceptionDetails)}`);
          return result.value as T;
        },
        async screenshot() {
          const { data } = await send("Page.captureScreenshot", { format: "png" }, sessionId);
          return Buffer.from(data, "base64");
        },
      };
    },
    async close() {
      ws.close();
      child.kill("SIGKILL");
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once("exit", r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
