/** Walks a dropped folder (File System Entry API), so a whole folder checks in one drop. */
export async function entryFiles(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const all: File[] = [];
  // readEntries gives a folder in batches and an empty batch at the end.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    for (const child of batch) all.push(...(await entryFiles(child)));
  }
}

/** The files of a drop: folders walked, an entry that cannot be read (a broken link) left out. */
export async function droppedFiles(data: DataTransfer | null): Promise<File[]> {
  const entries = [...(data?.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => !!x);
  return entries.length ? (await Promise.all(entries.map((entry) => entryFiles(entry).catch(() => [])))).flat() : [...(data?.files ?? [])];
}
