// What a reporter is given and where it writes. Reporters are keyed by their --format name.
import type { CatalogResult } from "../catalog/types.js";
import type { Lang, Text } from "../i18n.js";
import type { Io } from "../cli/io.js";

export const REPORT_FORMATS = ["pretty", "json", "github"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ValidationReport {
  results: readonly CatalogResult[];
  /** `--strict`: warnings count as errors (a file with warnings is not valid). */
  strict: boolean;
  /** Files that could not be read at all; they make the run not valid. */
  unreadable?: readonly UnreadableFile[];
}

/** A file the run could not read (missing, not a catalogue, ...) and why, in both languages. */
export interface UnreadableFile {
  file: string;
  text: Text;
}

export interface ReportContext {
  io: Io;
  lang: Lang;
  /** Colours allowed on stdout. */
  color: boolean;
}

export type Reporter = (report: ValidationReport, ctx: ReportContext) => Promise<void>;
