// Entry point of a pipeline worker thread (piscina). It runs as plain
// JavaScript, bundled by worker-bundle.ts, so a thread starts without tsx.
import { DOCUMENT_STAGES } from '../stages/index.ts';
import { extractDocument, type ExtractOutcome, type ExtractTask } from './extract-document.ts';

export default function extract(task: ExtractTask): ExtractOutcome {
  return extractDocument(task, DOCUMENT_STAGES);
}
