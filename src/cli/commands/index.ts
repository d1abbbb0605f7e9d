// The literal list of commands, in the order `desbumi --help` shows them.
import type { RegisterCommand } from "./types.js";
import { registerValidate } from "./validate.js";
import { registerCheck } from "./check.js";
import { registerNormalize } from "./normalize.js";
import { registerSync } from "./sync.js";
import { registerApply } from "./apply.js";
import { registerStatus } from "./status.js";
import { registerCategories } from "./categories.js";
import { registerInit } from "./init.js";
import { registerGroups } from "./groups.js";
import { registerTemplate } from "./template.js";
import { registerMockServer } from "./mock-server.js";
import { registerShop } from "./shop.js";
import { registerPull } from "./pull.js";
import { registerConnect } from "./connect.js";
import { registerDisconnect } from "./disconnect.js";

export const commands: readonly RegisterCommand[] = [
  registerValidate,
  registerCheck,
  registerNormalize,
  registerSync,
  registerApply,
  registerStatus,
  registerCategories,
  registerShop,
  registerPull,
  registerInit,
  registerGroups,
  registerTemplate,
  registerMockServer,
  registerConnect,
  registerDisconnect,
];
