// The config file's name, on its own: the CLI's start-up (cli/lang.ts) and the config search need
// it, and importing it from schema.ts would load zod (~50 ms) for every command, validate included.
export const CONFIG_FILE_NAME = "desbumi.config.json";
