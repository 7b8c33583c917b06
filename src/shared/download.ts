// Saves bytes as a file the browser downloads: made on this device, sent nowhere.
export function downloadFile(fileName: string, content: string | Uint8Array, type: string) {
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
