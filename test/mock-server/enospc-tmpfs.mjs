// Manual hostile case for docs/reliability.md (issue 13.2), needs root: the built mock-server with
// its state file on a 64 KiB tmpfs, 400 creates one after another, then SIGTERM. Prints how many
// were acknowledged, refused and saved, the exit code, and the temp files left.
//   npm run build && sudo node test/mock-server/enospc-tmpfs.mjs
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { request } from "undici";

const BIN = join(resolve(import.meta.dirname, "../.."), "bin", "desbumi.js");
const dir = mkdtempSync(join(tmpdir(), "desbumi-tmpfs-"));
execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir]);
try {
  const stateFile = join(dir, "shop.json");
  const child = spawn(process.execPath, [BIN, "mock-server", "--state", stateFile, "--port", "0", "--rate-limit", "100000", "--burst", "100000", "--client-id", "a", "--client-secret", "b"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise((done) => child.on("close", (code) => done(code)));
  const url = await new Promise((done) =>
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) done(m[1]);
    }),
  );
  const tokenRes = await request(`${url}/token?grant_type=client_credentials`, { method: "POST", headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` } });
  const bearer = `Bearer ${(await tokenRes.body.json()).access_token}`;
  const acked = [];
  const statuses = {};
  for (let i = 0; i < 400; i++) {
    const sku = `T-${i}`;
    const res = await request(`${url}/v3/products/fs/13004/create?shop_id=480829`, {
      method: "POST",
      headers: { authorization: bearer, "content-type": "application/json" },
      body: JSON.stringify({ products: [{ name: `Produk ${i}`, sku, price: 15000, status: "LIMITED", stock: 5, category_id: 2991, weight: 250, weight_unit: "GR", condition: "NEW", pictures: [{ file_path: "https://img.example.invalid/p.jpg" }] }] }),
    });
    const json = await res.body.json();
    statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
    if (res.statusCode === 200 && json.data.success_data === 1) acked.push(sku);
  }
  child.kill("SIGTERM");
  const code = await exited;
  const saved = new Set(JSON.parse(readFileSync(stateFile, "utf8")).products.map((p) => p.sku));
  const lost = acked.filter((sku) => !saved.has(sku)).length;
  const temps = readdirSync(dir).filter((n) => n.endsWith(".tmp")).length;
  const errorLines = err.split("\n").filter((l) => l.includes("state write failed")).length;
  console.log(JSON.stringify({ creates: 400, statuses, acknowledged: acked.length, saved: saved.size, lost, exitCode: code, tempFilesLeft: temps, writeFailureLogLines: errorLines }));
  console.log(err.split("\n").filter((l) => l && !l.startsWith("{")).slice(-3).join("\n"));
} finally {
  execFileSync("umount", [dir]);
  rmSync(dir, { recursive: true, force: true });
}
