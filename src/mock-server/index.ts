// The Tokopedia-style mock marketplace (issue 3). Imports nothing from src/adapters/: the adapter is
// tested against this separately written implementation of the wire format.
export { startMockServer, DEFAULT_FS_ID, DEFAULT_SHOP_ID, DEFAULT_TOKEN_TTL_SECONDS, DEFAULT_RATE_LIMIT, DEFAULT_BURST } from "./server.js";
export { parseFaultSpec, type FaultSpecResult } from "./faults.js";
export { DEFAULT_CATEGORIES, type CategoryNode } from "./categories.js";
export type { MockFaults, MockListing, MockServer, MockServerOptions, MockServerStats } from "./types.js";
export { StateFileBusyError } from "./http/state-lock.js";
export { StatePersistError } from "./http/persist-error.js";
