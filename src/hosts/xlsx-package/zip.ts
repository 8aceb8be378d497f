/**
 * The ZIP container of an Office package, on Node's zlib.
 *
 * Reading: the central directory of the whole file in memory (a workbook's
 * compressed size), each entry inflated on demand, whole or as a stream, its
 * CRC-32 checked. Writing: entries in any order, an unchanged entry copied as
 * its compressed bytes (not inflated, not deflated again: the part stays
 * byte for byte), a new or changed one deflated, whole or streamed.
 *
 * Only what Office packages use: stored and deflated entries, no encryption,
 * no spanning; ZIP64 fields are read, and written never (a package over
 * 4 GB is refused).
 */
import { Readable } from "node:stream";
import zlib from "node:zlib";

export class ZipError extends Error {
  override name = "ZipError";
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const MAX32 = 0xffffffff;

/** CRC-32 (zlib's polynomial); Node's own from 20.15, a table before. */
const crcTable = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc) return nativeCrc(data, previous);
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export interface ZipEntry {
  /** The name as stored (UTF-8 or, without the UTF-8 flag, CP437 read as Latin-1). */
  readonly name: string;
  readonly nameBytes: Buffer;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly versionMadeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly comment: Buffer;
  readonly isDirectory: boolean;
}

/** A ZIP file held in memory. Throws ZipError when it is not a readable archive. */
export class ZipReader {
  readonly entries: readonly ZipEntry[];
  readonly comment: Buffer;
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(readonly bytes: Buffer) {
    const { entries, comment } = readCentralDirectory(bytes);
    this.entries = entries;
    this.comment = comment;
    for (const e of entries) {
      const key = e.name.replace(/^\//, "").toLowerCase();
      if (!this.byLowerName.has(key)) this.byLowerName.set(key, e);
    }
  }

  /** The entry of a part name, case-insensitively (as OPC compares part names), without a leading slash. */
  get(name: string): ZipEntry | undefined {
    return this.byLowerName.get(name.replace(/^\//, "").toLowerCase());
  }

  /** The compressed bytes of an entry, as stored. */
  raw(entry: ZipEntry): Buffer {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.bytes.readUInt32LE(at) !== LOCAL) throw new ZipError(`bad local header for ${entry.name}`);
    const start = at + 30 + this.bytes.readUInt16LE(at + 26) + this.bytes.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError(`${entry.name} runs past the end of the file`);
    return this.bytes.subarray(start, end);
  }

  /** The whole uncompressed content, CRC checked. */
  read(entry: ZipEntry): Buffer {
    const raw = this.raw(entry);
    let data: Buffer;
    try {
      data = entry.method === 0 ? raw : zlib.inflateRawSync(raw);
    } catch {
      throw new ZipError(`cannot inflate ${entry.name}`);
    }
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`unsupported compression ${entry.method} for ${entry.name}`);
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ZipError(`${entry.name} is damaged (size or CRC)`);
    return data;
  }

  /** The uncompressed content in chunks, CRC checked at the end (the last step throws when damaged). */
  async *stream(entry: ZipEntry, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
    const raw = this.raw(entry);
    let crc = 0;
    let size = 0;
    if (entry.method === 0) {
      for (let i = 0; i < raw.length; i += chunkSize) {
        const chunk = raw.subarray(i, i + chunkSize);
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    } else if (entry.method === 8) {
      const inflate = zlib.createInflateRaw({ chunkSize });
      // The compressed bytes go in slices, so memory holds about one slice of output at a time.
      const source = Readable.from(slices(raw, chunkSize), { objectMode: false });
      source.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          crc = crc32(chunk, crc);
          size += chunk.length;
          yield chunk;
        }
      } catch {
        throw new ZipError(`cannot inflate ${entry.name}`);
      } finally {
        source.destroy();
        inflate.destroy();
      }
    } else throw new ZipError(`unsupported compression ${entry.method} for ${entry.name}`);
    if (size !== entry.size || crc !== entry.crc) throw new ZipError(`${entry.name} is damaged (size or CRC)`);
  }

  /** Inflates an entry only to check it (size and CRC). */
  async verify(entry: ZipEntry): Promise<void> {
    if (entry.size <= 4 * 1024 * 1024) {
      this.read(entry);
      return;
    }
    for await (const _chunk of this.stream(entry));
  }
}

/** Pieces of text as UTF-8 chunks of at least `size` bytes (the last one shorter). */
async function* utf8Chunks(pieces: Iterable<string>, size = 256 * 1024): AsyncGenerator<Buffer> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length * 3 >= size) {
      yield Buffer.from(batch.join(""), "utf8");
      batch = [];
      length = 0;
    }
  }
  if (length > 0) yield Buffer.from(batch.join(""), "utf8");
}

function* slices(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length) return at;
  }
  throw new ZipError("no end of central directory");
}

function readCentralDirectory(bytes: Buffer): { entries: ZipEntry[]; comment: Buffer } {
  if (bytes.length < 22) throw new ZipError("too short");
  const eocd = findEndOfCentralDirectory(bytes);
  let count = bytes.readUInt16LE(eocd + 10);
  let size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + bytes.readUInt16LE(eocd + 20));
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 6) !== 0) throw new ZipError("spanned archives are not supported");
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = eocd - 20;
    if (locator >= 0 && bytes.readUInt32LE(locator) === ZIP64_LOCATOR) {
      const at = Number(bytes.readBigUInt64LE(locator + 8));
      if (at + 56 > bytes.length || bytes.readUInt32LE(at) !== ZIP64_EOCD) throw new ZipError("bad ZIP64 end of central directory");
      count = Number(bytes.readBigUInt64LE(at + 32));
      size = Number(bytes.readBigUInt64LE(at + 40));
      offset = Number(bytes.readBigUInt64LE(at + 48));
    }
  }
  if (offset + size > bytes.length) throw new ZipError("central directory past the end");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipError("bad central directory entry");
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let uncompressedSize = bytes.readUInt32LE(at + 24);
    let localOffset = bytes.readUInt32LE(at + 42);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localOffset === MAX32) {
      // ZIP64 extended information: the fields that overflowed, in this order.
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === MAX32) {
            uncompressedSize = Number(extra.readBigUInt64LE(p));
            p += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = Number(extra.readBigUInt64LE(p));
            p += 8;
          }
          if (localOffset === MAX32) localOffset = Number(extra.readBigUInt64LE(p));
          break;
        }
        e += 4 + length;
      }
    }
    if (flags & 0x0001) throw new ZipError("encrypted entry");
    const name = nameBytes.toString(flags & 0x0800 ? "utf8" : "latin1");
    entries.push({
      name,
      nameBytes: Buffer.from(nameBytes),
      method: bytes.readUInt16LE(at + 10),
      flags,
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize,
      size: uncompressedSize,
      localOffset,
      versionMadeBy: bytes.readUInt16LE(at + 4),
      internalAttributes: bytes.readUInt16LE(at + 36),
      externalAttributes: bytes.readUInt32LE(at + 38),
      comment: Buffer.from(bytes.subarray(at + 46 + nameLength + extraLength, at + 46 + nameLength + extraLength + commentLength)),
      isDirectory: name.endsWith("/"),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, comment: Buffer.from(comment) };
}

/** What the writer records of each entry for the central directory. */
interface Written {
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
  comment: Buffer;
}

/** DOS time and date of now. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const UTF8_FLAG = 0x0800;
const DESCRIPTOR_FLAG = 0x0008;
/** Deflate as Excel does (zlib's default level) for parts written whole. */
const DEFLATE_OPTIONS: zlib.ZlibOptions = { level: 6, memLevel: 9 };
/**
 * A streamed part (a large sheet) at level 3: a quarter of level 6's time
 * for about a sixth more bytes, in 256 KB steps.
 */
const STREAM_DEFLATE_OPTIONS: zlib.ZlibOptions = { level: 3, memLevel: 9, chunkSize: 256 * 1024 };

/** Where the writer puts its bytes, in order; each write is awaited, so a failure stops the writer at once. */
export interface ZipSink {
  write(chunk: Buffer): Promise<void>;
}

/** A sink that keeps the bytes in memory (tests, small packages). */
export function memorySink(): ZipSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    write: async (chunk) => void chunks.push(Buffer.from(chunk)),
    bytes: () => Buffer.concat(chunks),
  };
}

/**
 * Writes a ZIP archive to a sink, entry by entry. Every entry gets a fresh
 * local header without extra fields; copied entries keep their name bytes,
 * flags (but the data-descriptor bit), method, time, CRC, sizes, attributes
 * and comment.
 */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];

  constructor(private readonly out: ZipSink) {}

  private async push(chunk: Buffer): Promise<void> {
    if (this.offset + chunk.length > MAX32) throw new ZipError("the package would exceed 4 GB");
    this.offset += chunk.length;
    await this.out.write(chunk);
  }

  private localHeader(w: Written): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(w.flags, 6);
    h.writeUInt16LE(w.method, 8);
    h.writeUInt16LE(w.time, 10);
    h.writeUInt16LE(w.date, 12);
    const deferred = (w.flags & DESCRIPTOR_FLAG) !== 0;
    h.writeUInt32LE(deferred ? 0 : w.crc, 14);
    h.writeUInt32LE(deferred ? 0 : w.compressedSize, 18);
    h.writeUInt32LE(deferred ? 0 : w.size, 22);
    h.writeUInt16LE(w.nameBytes.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, w.nameBytes]);
  }

  /** Copies an entry of another archive as it is stored. */
  async copy(source: ZipReader, entry: ZipEntry): Promise<void> {
    const raw = source.raw(entry);
    const w: Written = { ...entry, flags: entry.flags & ~DESCRIPTOR_FLAG, offset: this.offset };
    await this.push(this.localHeader(w));
    await this.push(raw);
    this.written.push(w);
  }

  private fresh(name: string | Buffer, like?: ZipEntry): Omit<Written, "crc" | "compressedSize" | "size" | "offset"> {
    const now = dosNow();
    const nameBytes = typeof name === "string" ? Buffer.from(name, "utf8") : name;
    const ascii = nameBytes.every((b) => b < 0x80);
    return {
      nameBytes,
      flags: like ? like.flags & ~DESCRIPTOR_FLAG & ~0x0006 : ascii ? 0 : UTF8_FLAG,
      method: 8,
      time: like?.time ?? now.time,
      date: like?.date ?? now.date,
      versionMadeBy: like?.versionMadeBy ?? 20,
      internalAttributes: like?.internalAttributes ?? 0,
      externalAttributes: like?.externalAttributes ?? 0,
      comment: like?.comment ?? Buffer.alloc(0),
    };
  }

  /** A new or replaced entry from bytes in memory; `like` lends its name, time and attributes. */
  async add(name: string | Buffer, data: Buffer, like?: ZipEntry): Promise<void> {
    const compressed = zlib.deflateRawSync(data, DEFLATE_OPTIONS);
    const w: Written = { ...this.fresh(name, like), crc: crc32(data), compressedSize: compressed.length, size: data.length, offset: this.offset };
    await this.push(this.localHeader(w));
    await this.push(compressed);
    this.written.push(w);
  }

  /** A new or replaced entry from text: whole, or in pieces as `pieces()` makes them (UTF-8 in chunks of about 256 KB). */
  async addText(name: string | Buffer, text: string | (() => Iterable<string>), like?: ZipEntry): Promise<void> {
    if (typeof text === "string") await this.add(name, Buffer.from(text, "utf8"), like);
    else await this.addStream(name, utf8Chunks(text()), like);
  }

  /** A new or replaced entry from chunks: deflated as they come, sizes and CRC in a data descriptor after the data. */
  async addStream(name: string | Buffer, chunks: AsyncIterable<Buffer>, like?: ZipEntry): Promise<void> {
    const w: Written = { ...this.fresh(name, like), crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    w.flags |= DESCRIPTOR_FLAG;
    await this.push(this.localHeader(w));
    const deflate = zlib.createDeflateRaw(STREAM_DEFLATE_OPTIONS);
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of chunks) {
        w.crc = crc32(chunk, w.crc);
        w.size += chunk.length;
        yield chunk;
      }
    }
    const source = Readable.from(counted(), { objectMode: false });
    source.on("error", (e) => deflate.destroy(e));
    source.pipe(deflate);
    try {
      for await (const out of deflate as AsyncIterable<Buffer>) {
        w.compressedSize += out.length;
        await this.push(out);
      }
    } finally {
      source.destroy();
      deflate.destroy();
    }
    if (w.size > MAX32 || w.compressedSize > MAX32) throw new ZipError("a part would exceed 4 GB");
    const d = Buffer.alloc(16);
    d.writeUInt32LE(DESCRIPTOR, 0);
    d.writeUInt32LE(w.crc, 4);
    d.writeUInt32LE(w.compressedSize, 8);
    d.writeUInt32LE(w.size, 12);
    await this.push(d);
    this.written.push(w);
  }

  /** The central directory and its end record. */
  async finish(comment: Buffer = Buffer.alloc(0)): Promise<void> {
    const start = this.offset;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(w.versionMadeBy, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.flags, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(w.time, 12);
      h.writeUInt16LE(w.date, 14);
      h.writeUInt32LE(w.crc, 16);
      h.writeUInt32LE(w.compressedSize, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.nameBytes.length, 28);
      h.writeUInt16LE(0, 30);
      h.writeUInt16LE(w.comment.length, 32);
      h.writeUInt16LE(0, 34);
      h.writeUInt16LE(w.internalAttributes, 36);
      h.writeUInt32LE(w.externalAttributes, 38);
      h.writeUInt32LE(w.offset, 42);
      await this.push(Buffer.concat([h, w.nameBytes, w.comment]));
    }
    if (this.written.length > 0xfffe) throw new ZipError("too many entries");
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    end.writeUInt16LE(comment.length, 20);
    await this.push(Buffer.concat([end, comment]));
  }
}
