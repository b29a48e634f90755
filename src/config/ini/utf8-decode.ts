// CPython's strict UTF-8 decoder in its incremental form (codecs.utf_8_decode with final=False).

/** Result of decoding bytes[start, end): text of the complete characters, or where decoding failed. */
export type Utf8ChunkResult =
  | { text: string; consumed: number; errorAt: null }
  | { text: null; consumed: 0; errorAt: number };

/**
 * Length of the valid sequence starting at `pos` when it is complete, 0 when the bytes before `end`
 * are a prefix CPython would wait on, or -1 when CPython rejects it here.
 */
function measureSequence(bytes: Uint8Array, pos: number, end: number): number {
  const lead = bytes[pos]!;
  if (lead < 0x80) return 1;
  let need: number;
  let secondLow = 0x80;
  let secondHigh = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) secondLow = 0xa0;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) secondLow = 0x90;
    else if (lead === 0xf4) secondHigh = 0x8f;
  } else return -1;
  for (let k = 1; k <= need; k++) {
    if (pos + k >= end) return 0;
    const byte = bytes[pos + k]!;
    const low = k === 1 ? secondLow : 0x80;
    const high = k === 1 ? secondHigh : 0xbf;
    if (byte < low || byte > high) return -1;
  }
  // CPython only notices a surrogate (ED A0..BF) once the third byte is there.
  if (lead === 0xed && bytes[pos + 1]! >= 0xa0) return -1;
  return need + 1;
}

/**
 * Decode bytes[start, end) like codecs.utf_8_decode(data, "strict", final=False): a trailing
 * incomplete sequence is left unconsumed; an invalid one gives its absolute offset.
 */
export function decodeUtf8Chunk(bytes: Uint8Array, start: number, end: number): Utf8ChunkResult {
  let pos = start;
  while (pos < end) {
    const size = measureSequence(bytes, pos, end);
    if (size < 0) return { text: null, consumed: 0, errorAt: pos };
    if (size === 0) break;
    pos += size;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, pos - start).toString("utf8");
  return { text, consumed: pos - start, errorAt: null };
}

/** Absolute offset of the first byte CPython's UTF-8 decoder rejects, or -1 when there is none. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const result = decodeUtf8Chunk(bytes, 0, bytes.length);
  return result.errorAt ?? -1;
}
