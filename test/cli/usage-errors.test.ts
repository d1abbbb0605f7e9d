// Commander's usage errors: in the user's language, one line, then one "See: ... --help" line.
import { describe, expect, it } from "vitest";
import { translateCommanderError, langFromArgv } from "../../src/cli/usage-text.js";
import { runCli } from "./helpers.js";

const cwd = process.cwd();
const EN = { LANG: "en_US.UTF-8" };
const ID = { LANG: "id_ID.UTF-8" };

describe("usage errors", () => {
  it.each([
    [["--lang", "id", "validate", "--grup", "x", "f.csv"], "desbumi: kesalahan: opsi '--grup' tidak dikenal.", "Lihat: desbumi validate --help"],
    [["--lang", "en", "validate", "--formt", "json", "f.csv"], "desbumi: error: unknown option '--formt'. Did you mean --format?", "See: desbumi validate --help"],
    [["--lang", "id", "validate", "--strct", "f.csv"], "desbumi: kesalahan: opsi '--strct' tidak dikenal. Mungkin maksudnya --strict?", "Lihat: desbumi validate --help"],
    [["--lang", "id", "validate", "--format", "xml", "f.csv"], "desbumi: kesalahan: nilai 'xml' untuk opsi '--format <format>' tidak sah: Pilihan yang boleh: pretty, json, github.", "Lihat: desbumi validate --help"],
    [["validate", "--format", "xml", "f.csv"], "desbumi: error: option '--format <format>': 'xml' is invalid: Allowed choices are pretty, json, github.", "See: desbumi validate --help"],
    [["--lang", "id", "sync", "--max-deactivate-percent", "abc"], "desbumi: kesalahan: nilai 'abc' untuk opsi '--max-deactivate-percent <n>' tidak sah: harus angka dari 0 sampai 100", "Lihat: desbumi sync --help"],
    [["sync", "--concurrency", "0"], "desbumi: error: option '--concurrency <n>': '0' is invalid: must be a whole number >= 1", "See: desbumi sync --help"],
    [["--lang", "id", "bogus"], "desbumi: kesalahan: perintah 'bogus' tidak dikenal.", "Lihat: desbumi --help"],
    [["--lang", "id", "validat", "f.csv"], "desbumi: kesalahan: perintah 'validat' tidak dikenal. Mungkin maksudnya validate?", "Lihat: desbumi --help"],
    [["--lang", "id", "normalize"], "desbumi: kesalahan: argumen wajib 'file' belum diisi.", "Lihat: desbumi normalize --help"],
    [["--lang", "id", "validate", "--format"], "desbumi: kesalahan: opsi '--format <format>' perlu nilai.", "Lihat: desbumi validate --help"],
  ])("%j -> one translated line + one help line, exit 2", async (argv, first, second) => {
    const run = await runCli(argv, { cwd, env: EN });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toEqual([first, second]);
  });

  it("takes the language from LC_ALL/LANG when there is no --lang", async () => {
    const run = await runCli(["validate", "--grup", "x"], { cwd, env: ID });
    expect(run.stderr).toContain("opsi '--grup' tidak dikenal");
    expect(run.stderr).toContain("Lihat: desbumi validate --help");
    expect(run.stderr).not.toContain("Usage:");
  });

  it("--lang on the command line beats the environment", async () => {
    const run = await runCli(["--lang=en", "bogus"], { cwd, env: ID });
    expect(run.stderr).toContain("unknown command 'bogus'");
  });

  it("too many arguments and unrecognised messages stay readable", () => {
    expect(translateCommanderError("error: too many arguments for 'normalize'. Expected 1 argument but got 2.\n", "id")).toBe(
      "desbumi: kesalahan: terlalu banyak argumen: paling banyak 1, diberikan 2.",
    );
    expect(translateCommanderError("error: something new\n", "en")).toBe("desbumi: error: something new");
    expect(langFromArgv(["validate", "--", "--lang", "id"])).toBeUndefined();
  });
});
