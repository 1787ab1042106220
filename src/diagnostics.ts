import type { Diagnostic, DiagnosticSeverity, MessageCode } from './schemas/index.ts';

/** What a check found before it knows which file or record it looked at (decoding bytes, reading front matter). */
export type Finding = Pick<Diagnostic, 'code' | 'reason'>;

/** Where a diagnostic is: a file or record, and its line when known. */
export interface Place {
  source: string;
  line: number | null;
}

/** A diagnostic written with its place before the reason: `CODE: a.txt: reason`, `CODE: feed.jsonl:3: reason`. */
export function diagnosticAt(severity: DiagnosticSeverity, code: MessageCode, place: Place, reason: string): Diagnostic {
  return { code, severity, source: place.source, line: place.line, reason, prefixed: true };
}

/** A diagnostic written as `CODE: reason`: the reason names what it is about ("a.txt has no text"), or it is only read on its document's row. */
export function diagnosticOn(severity: DiagnosticSeverity, code: MessageCode, source: string, reason: string): Diagnostic {
  return { code, severity, source, line: null, reason, prefixed: false };
}

/** A finding made into a diagnostic once its place is known, with the place before the reason. */
export function findingAt(severity: DiagnosticSeverity, finding: Finding, place: Place): Diagnostic {
  return diagnosticAt(severity, finding.code, place, finding.reason);
}

/** A diagnostic as the tables, the run's problems and the CLI write it: `CODE: message`. */
export function renderDiagnostic(diagnostic: Diagnostic): string {
  if (!diagnostic.prefixed) return `${diagnostic.code}: ${diagnostic.reason}`;
  const place = diagnostic.line === null ? diagnostic.source : `${diagnostic.source}:${diagnostic.line}`;
  return `${diagnostic.code}: ${place}: ${diagnostic.reason}`;
}
