/**
 * Saves a downloaded file under a given name. The files need the bearer token, so they are fetched by
 * script (not a plain link) and handed to the browser as a temporary object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some Android browsers read the URL after the click returns: give them time before letting it go.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `chung-nhan-DB-2026-000123.pdf`: the name the API also suggests. */
export function certificateFileName(serial: string, extension: 'pdf' | 'json'): string {
  return `chung-nhan-${serial.replace(/[^A-Za-z0-9-]/g, '')}.${extension}`;
}
