// Regression, issue 13 item 19: credentials never go over plain http to a non-loopback host, and an
// env variable that does not look like the marketplace's secret (CI_DEPLOY_KEY) is warned about.
import { describe, expect, it } from "vitest";
import { insecureEndpoint, isLoopbackHost, secretEnvWarnings } from "../../src/config/secret-env.js";
import { tempDir, csvRow, writeCsv } from "../sync/harness.js";
import { runCli } from "../cli/helpers.js";

describe("secrets go only where they belong (issue 13 item 19)", () => {
  it("https anywhere, plain http only to loopback", () => {
    expect(insecureEndpoint("https://accounts.tokopedia.com/token")).toBeUndefined();
    expect(insecureEndpoint("http://127.0.0.1:8080/token")).toBeUndefined();
    expect(insecureEndpoint("http://localhost:8080")).toBeUndefined();
    expect(insecureEndpoint("http://[::1]:8080")).toBeUndefined();
    expect(insecureEndpoint("http://accounts.example.com/token")?.en).toContain("is not safe for credentials: use https://");
    expect(insecureEndpoint("http://127.0.0.1.evil.example/token")).toBeDefined();
    expect(insecureEndpoint("ftp://127.0.0.1/x")).toBeDefined();
    expect(isLoopbackHost("10.0.0.1")).toBe(false);
  });

  it("sync with --token-url http://<not loopback> is refused before anything is sent (exit 2)", async () => {
    const cwd = await tempDir();
    await writeCsv(cwd, "k.csv", [csvRow("A-1", { kategori: "2981" })]);
    const run = await runCli(
      ["--lang", "en", "sync", "k.csv", "--dry-run", "--marketplace", "tokopedia", "--token-url", "http://accounts.example.test/token", "--fs-id", "1", "--shop-id", "2"],
      { cwd, env: { LANG: "en_US.UTF-8", TOKOPEDIA_CLIENT_ID: "id", TOKOPEDIA_CLIENT_SECRET: "secret" } },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("tokenUrl");
    // The option help (AdapterDefinition.optionHelp) says what to put there instead.
    expect(run.stderr).toMatch(/https:\/\//);
    expect(run.stderr).toMatch(/cannot be used here|must be https/);
    expect(run.stderr).not.toContain("secret");
  });

  it("an env name unlike the marketplace's is a warning naming it", () => {
    const [warning, ...rest] = secretEnvWarnings(["CI_DEPLOY_KEY", "TOKOPEDIA_CLIENT_ID", "DESBUMI_TOKPED_SECRET"], { name: "Tokopedia", words: ["TOKOPEDIA", "TOKPED"] });
    expect(rest).toEqual([]);
    expect(warning?.en).toContain("Environment variable CI_DEPLOY_KEY does not look like a Tokopedia secret");
    expect(warning?.id).toContain("CI_DEPLOY_KEY");
  });
});
