// zod issues -> one path-named, bilingual message per mistake.
import type { z } from "zod";
import type { Text } from "../i18n.js";
import { suggestKey } from "./did-you-mean.js";
import { joinPath, valueAt, type PathSegment } from "./key-path.js";
import { configMessages as m, jsonType } from "./messages.js";
import { isSecretKey } from "./secret-keys.js";

export interface ConfigIssue {
  /** Key path as shown, e.g. `groups[1].catalog`; one issue per path. */
  path: string;
  text: Text;
  /** A required key that is absent (dropped when a misspelt key already points at it). */
  isMissing?: boolean;
  /** For an unknown key with a "did you mean": the path of the key it probably meant. */
  meantPath?: string;
}

export interface DescribeContext {
  /** Prefix for every path (e.g. `groups[0].marketplace` for adapter options). */
  prefix: string;
  /** The data zod looked at, to tell a missing key from a wrong value. */
  data: unknown;
  /** Keys allowed in the object at this path, for "did you mean". */
  allowedKeys(segments: readonly PathSegment[]): readonly string[];
  /** Plain words on what to put at this key (adapter options: AdapterDefinition.optionHelp). */
  help?(segments: readonly PathSegment[]): Text | undefined;
}

export function describeZodIssues(issues: readonly z.core.$ZodIssue[], ctx: DescribeContext): ConfigIssue[] {
  return issues.flatMap((issue) => describeZodIssue(issue, ctx));
}

function describeZodIssue(issue: z.core.$ZodIssue, ctx: DescribeContext): ConfigIssue[] {
  const segments = issue.path;
  const path = joinPath(ctx.prefix, segments);
  const value = valueAt(ctx.data, segments);
  const one = (text: Text): ConfigIssue[] => [{ path, text }];
  const lastKey = segments[segments.length - 1];

  const help = issue.code === "unrecognized_keys" ? undefined : ctx.help?.(segments);
  if (help) return [{ path, text: m.withHelp(path, value, help), ...(value === undefined ? { isMissing: true } : {}) }];

  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const keyPath = joinPath(ctx.prefix, [...segments, key]);
        const allowed = ctx.allowedKeys(segments);
        if (isSecretKey(key)) return { path: keyPath, text: m.secretKey(keyPath) };
        const meant = suggestKey(key, allowed);
        return {
          path: keyPath,
          text: m.unknownKey(keyPath, key, meant, allowed),
          ...(meant ? { meantPath: joinPath(ctx.prefix, [...segments, meant]) } : {}),
        };
      });
    case "invalid_type":
      if (value === undefined) {
        const text = lastKey === "groups" && segments.length === 1 ? m.noGroups(path) : m.missing(path, issue.expected);
        return [{ path, text, isMissing: true }];
      }
      return one(m.wrongType(path, issue.expected, jsonType(value)));
    case "too_small":
      if (issue.origin === "array" && lastKey === "groups") return one(m.noGroups(path));
      if (issue.origin === "string" && issue.minimum === 1) return one(m.empty(path));
      return one(m.invalidValue(path, issue.message));
    case "invalid_format":
      if (lastKey === "id") return one(m.badSlug(path));
      return one(m.invalidValue(path, issue.message));
    default:
      return one(m.invalidValue(path, issue.message));
  }
}

/**
 * One clear message per mistake: the first message per key path, and no "X is required" when a
 * misspelt key already says "did you mean X" (that is one typo, not two problems).
 */
export function dedupeIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const meant = new Set(issues.flatMap((issue) => (issue.meantPath ? [issue.meantPath] : [])));
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (issue.isMissing && meant.has(issue.path)) return false;
    if (seen.has(issue.path)) return false;
    seen.add(issue.path);
    return true;
  });
}
