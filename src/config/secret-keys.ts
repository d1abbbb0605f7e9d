// Keys that would put a secret in the config file. Secrets live in the environment (or .env);
// the file only names the variables (clientIdEnv, clientSecretEnv).

const SECRET_ENDINGS = ["secret", "token", "password", "passwd", "apikey", "privatekey", "clientid", "authorization", "credentials"];

/** `clientSecret`, `access_token`, `password` ... but not `clientSecretEnv` or `tokenUrl`. */
export function isSecretKey(key: string): boolean {
  const squashed = key.toLowerCase().replace(/[-_\s]/g, "");
  return SECRET_ENDINGS.some((ending) => squashed.endsWith(ending));
}
