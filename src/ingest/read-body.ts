// Read a response body with a hard size cap, then undo its Content-Encoding with the
// same cap on the output: an endless body stops at the cap, and a gzip bomb stops
// there too instead of inflating into memory.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ContentError } from '../errors';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

interface Destroyable {
  destroy(err?: Error): void;
  on(event: 'error', fn: () => void): unknown;
}

/** Collect a body stream, refusing it (and destroying the stream) past `maxBytes`. */
export async function readCappedBody(body: AsyncIterable<Buffer> & Destroyable, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.on('error', () => undefined); // the abort we cause is not news
      body.destroy();
      throw new ContentError(`fetch: ${url} body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Undo Content-Encoding (gzip, deflate, br; several in the order applied), each step capped at `maxBytes`. */
export async function decodeContentEncoding(raw: Buffer, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  let data = raw;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') data = await gunzip(data, opts);
      // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate; 0x78 is the zlib header byte.
      else if (coding === 'deflate') data = data[0] === 0x78 ? await inflate(data, opts) : await inflateRaw(data, opts);
      else if (coding === 'br') data = await brotliDecompress(data, opts);
      else throw new ContentError(`fetch: ${url} uses unsupported Content-Encoding ${coding}`);
    } catch (err) {
      if (err instanceof ContentError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ContentError(`fetch: ${url} body exceeds ${maxBytes} bytes once decompressed (${coding})`, { cause: err });
      }
      throw new ContentError(`fetch: ${url} has a corrupt ${coding} body`, { cause: err });
    }
  }
  return data;
}
