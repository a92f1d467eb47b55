import fs from 'node:fs';

/** Lines in a file (a last line without a newline counts), read in chunks: a progress bar's total. */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of fs.createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) n++;
    if ((chunk as Buffer).length) last = (chunk as Buffer)[(chunk as Buffer).length - 1];
  }
  return last === 10 ? n : n + 1;
}
