import { inflateSync } from 'node:zlib';

// Just enough of PDF to read back the text Chromium printed: its content streams (deflated),
// the fonts they select, and each font's ToUnicode map from glyph codes to characters. No
// layout: text comes out in drawing order, one shown string after another.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Every `N 0 obj … endobj` of the file, with its stream inflated where it is deflated. */
function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<number, PdfObject>();
  const start = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text))) {
    const bodyStart = m.index + m[0].length;
    const end = text.indexOf('endobj', bodyStart);
    if (end < 0) break;
    const body = text.slice(bodyStart, end);
    const s = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (s >= 0 && /\/Length\b/.test(body.slice(0, s))) {
      dict = body.slice(0, s);
      let from = bodyStart + s + 'stream'.length;
      if (text[from] === '\r') from += 1;
      if (text[from] === '\n') from += 1;
      const length = Number(/\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict)?.[1] ?? NaN);
      const to = Number.isFinite(length) ? from + length : text.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = null;
      }
    }
    found.set(Number(m[1]), { dict, stream });
    start.lastIndex = end;
  }
  return found;
}

/** A ToUnicode CMap: glyph code (hex) → text. */
function readCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(pair[1].toLowerCase(), utf16(pair[2]));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const range of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const width = range[1].length;
      const lo = parseInt(range[1], 16);
      const hi = parseInt(range[2], 16);
      const targets = range[3].startsWith('[') ? [...range[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => t[1]) : null;
      const first = targets ? 0 : parseInt(range[3].slice(1, -1), 16);
      const hexWidth = range[3].length - 2;
      for (let code = lo; code <= hi && code - lo < 65536; code++) {
        const key = code.toString(16).padStart(width, '0');
        const dst = targets ? targets[code - lo] : (first + code - lo).toString(16).padStart(hexWidth, '0');
        if (dst) map.set(key, utf16(dst));
      }
    }
  }
  return map;
}

/** The text of every page of a PDF made by Chromium, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font object → its ToUnicode map; resource name (/F3) → font object.
  const cmapOfFont = new Map<number, Map<string, string>>();
  for (const [num, o] of objs) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict);
    const cmap = ref ? objs.get(Number(ref[1]))?.stream : null;
    if (cmap) cmapOfFont.set(num, readCMap(cmap.toString('latin1')));
  }
  const fontByName = new Map<string, number>();
  for (const o of objs.values()) {
    for (const fonts of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const f of fonts[1].matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)) fontByName.set(f[1], Number(f[2]));
    }
  }
  const pieces: string[] = [];
  for (const o of objs.values()) {
    if (!o.stream || /\/(Subtype\s*\/(Image|Type0|TrueType|CIDFontType\d)|Type\s*\/XRef|Length1)/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let cmap: Map<string, string> | undefined;
    const decode = (hex: string) => {
      if (!cmap) return '';
      const size = [...cmap.keys()][0]?.length ?? 4;
      let out = '';
      for (let i = 0; i + size <= hex.length; i += size) out += cmap.get(hex.slice(i, i + size).toLowerCase()) ?? '';
      return out;
    };
    const ops = /\/([^\s/]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b/g;
    let m: RegExpExecArray | null;
    while ((m = ops.exec(content))) {
      if (m[1] !== undefined) cmap = cmapOfFont.get(fontByName.get(m[1]) ?? -1);
      else if (m[2] !== undefined) pieces.push(decode(m[2].replace(/\s+/g, '')));
      else if (m[3] !== undefined) {
        // A large negative kerning inside TJ is a word gap.
        for (const part of m[3].matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) pieces.push(decode(part[1].replace(/\s+/g, '')));
          else if (Number(part[2]) < -200) pieces.push(' ');
        }
      } else pieces.push('\n');
    }
  }
  // Fonts draw "fi", "ff"… as one glyph; read them back as letters.
  const ligatures: Record<string, string> = { 'ﬀ': 'ff', 'ﬁ': 'fi', 'ﬂ': 'fl', 'ﬃ': 'ffi', 'ﬄ': 'ffl' };
  return pieces.join('').replace(/[ﬀ-ﬄ]/g, (l) => ligatures[l] ?? l);
}

/** The number of pages (page objects, not the /Pages tree). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
