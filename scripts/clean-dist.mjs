// Empties dist/ before a build for packing, so a module deleted from src/ never ships stale.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
