// Entry point of a pipeline worker thread (piscina): registers tsx so the
// TypeScript stages load in this thread too, then serves extraction tasks.
import { register } from 'tsx/esm/api';

register();
const { extractDocument } = await import('./extract-document.ts');

export default extractDocument;
