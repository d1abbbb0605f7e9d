// The shared mock core: what every marketplace mock (Tokopedia, TikTok Shop, Shopee) uses at its
// HTTP edge and for its state file, so each hardening rule of issue 13 is written once.
//
//   const url = parseRequestUrl(req.url);            // never throws; undefined → answer 400
//   const body = await readJsonBody(req);            // size cap, application/json only, depth cap,
//   if (!body.ok) ... body.reason / body.message     //   prototype-free objects (`__proto__` is a key)
//   const buckets = new BoundedMap<string, B>(1024); // per-key state with a hard cap (LRU)
//   const lock = await acquireStateLock(file);       // one server per real path (symlinks resolved)
//   const durable = createDurableFile({ file: lock.realPath, serialize, restore, durableText });
//   mutate(); await durable.commit();                // answer only after this resolves; on
//                                                    //   PersistFailed: state rolled back, answer 5xx
//   await durable.flush();                           // on close; rejects when the last save failed
//   openDurableState / commitOrRefuse / createClose  // the same, as every mock's server uses it
export { BoundedMap } from "./bounded-map.js";
export { CLOSE_GRACE_MS, createClose, listen, type CloseOptions } from "./server-lifecycle.js";
export { commitOrRefuse, openDurableState, type OpenDurableOptions } from "./durable-state.js";
export { StatePersistError, statePersistText } from "./persist-error.js";
export {
  codeOf,
  createDurableFile,
  nodeDurableFs,
  PersistFailed,
  probeWritable,
  removeStaleTempFiles,
  writeFileAtomic,
  type DurableFile,
  type DurableFileOptions,
  type DurableFs,
} from "./durable-file.js";
export { isJsonObject, JSON_MAX_DEPTH, JsonDecimal, parseJson, type JsonObject, type JsonParseOptions, type JsonParseResult } from "./json.js";
export {
  BODY_MAX_BYTES,
  headerOf,
  isJsonContentType,
  parseIntStrict,
  parseRequestUrl,
  readBodyBytes,
  readBodyText,
  readJsonBody,
  type BodyBytes,
  type BodyText,
  type JsonBody,
  type JsonBodyOptions,
} from "./request.js";
export { acquireStateLock, isProcessAlive, resolveRealPath, StateFileBusyError, StatePathError, type StateLock } from "./state-lock.js";
