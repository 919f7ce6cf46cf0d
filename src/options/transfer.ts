/**
 * Export and import of the settings as a JSON file. The export is the settings object as stored
 * (`{ version, …settings }`); an import is checked field by field (importReport in settings.ts) and
 * only its valid values are saved.
 */
import { reason, type Reason } from '../contracts/reasons.ts';
import { importReport, type ImportReport, type Settings } from '../shared/settings.ts';

export const EXPORT_FILE_NAME = 'margin-lens-settings.json';

export function exportText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/**
 * Hands `text` to the browser as a file download through a Blob URL and an `<a download>` (no
 * downloads permission). The URL is revoked later, not at once: a download may still be reading it
 * (eligrey/FileSaver.js waits 40 s for the same reason).
 */
export function downloadText(doc: Document, fileName: string, text: string): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 40_000);
}

/** A file's text → what importing it would keep and reject, or why it is refused as a whole. */
export function readImport(text: string): ImportReport | { problem: Reason } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: reason('settings.notJson') };
  }
  return importReport(raw);
}
