/**
 * Json.NET (Newtonsoft) reports a bad value as "Path 'x', line L, position P".
 * Its reader counts lines from 1 and positions as the characters consumed on
 * that line once the offending token is read, i.e. the column of the token's
 * last character. We locate the top-level property in the raw text the same way.
 * (We cannot see the real server's formatter; this follows Json.NET's reader.)
 */
export interface TextPosition {
  line: number;
  position: number;
}

export function positionAt(text: string, index: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, position: index - lineStart + 1 };
}

function skipString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** Where the value of a top-level property ends (index of its last character), if present. */
export function valueEnd(text: string, property: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === '"') {
      const end = skipString(text, i);
      const key = text.slice(i + 1, end);
      let j = end + 1;
      while (/\s/.test(text[j] ?? '')) j++;
      if (depth === 1 && text[j] === ':' && JSON.parse(`"${key}"`) === property) {
        j++;
        while (/\s/.test(text[j] ?? '')) j++;
        if (text[j] === '"') return skipString(text, j);
        let k = j;
        while (k < text.length && !/[,}\]\s]/.test(text[k]!)) k++;
        return k - 1;
      }
      i = end;
    }
  }
  return undefined;
}

/** Where JSON.parse gave up, from its message ("... at position N"), for the generic reader error. */
export function parseErrorIndex(error: unknown, text: string): number {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : text.length;
}
