/**
 * Hands a file the host produced to the person as a download. The same in both windows: in a
 * browser the click downloads it; in the desktop app Electron asks where to save it (the shell
 * sets no download path), so nothing is written without the person choosing the place.
 */
export function saveFile(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns; let it go once the download has it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
