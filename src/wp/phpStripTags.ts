/**
 * PHP strip_tags() with no allowed tags (PHP 8's php_strip_tags_ex state machine). The details that matter for
 * WordPress sanitizers: a `<` followed by whitespace is kept as text, an unclosed tag swallows the rest of the string,
 * quotes inside a tag hide `>`, and comments, `<?php … ?>` and `<!…>` blocks are removed. NUL characters are dropped.
 * It works on UTF-16 code units; every character it reacts to is ASCII, so that equals PHP's byte-wise run.
 */
export function phpStripTags(input: string): string {
  const at = (index: number): string => input[index] ?? '';
  let out = '';
  let state: 'text' | 'tag' | 'php' | 'declaration' | 'comment' = 'text';
  let depth = 0;
  let inQuote = '';
  let lastSignificant = '';
  let parens = 0;
  let isXml = false;

  for (let p = 0; p < input.length; p++) {
    const c = input[p];
    switch (state) {
      case 'text':
        if (c === '\0') break;
        if (c === '<') {
          if (inQuote) break;
          if (isCSpace(at(p + 1))) {
            out += c;
            break;
          }
          lastSignificant = '<';
          state = 'tag';
        } else if (c === '>') {
          if (depth) {
            depth--;
            break;
          }
          if (inQuote) break;
          out += c;
        } else {
          out += c;
        }
        break;

      case 'tag':
        if (c === '<') {
          if (inQuote || isCSpace(at(p + 1))) break;
          depth++;
        } else if (c === '>') {
          if (depth) {
            depth--;
            break;
          }
          if (inQuote) break;
          lastSignificant = '>';
          if (isXml && at(p - 1) === '-') break;
          inQuote = '';
          isXml = false;
          state = 'text';
        } else if (c === '"' || c === "'") {
          if (!inQuote || c === inQuote) inQuote = inQuote ? '' : c;
        } else if (c === '!' && at(p - 1) === '<') {
          state = 'declaration';
          lastSignificant = c;
        } else if (c === '?' && at(p - 1) === '<') {
          parens = 0;
          state = 'php';
        }
        break;

      case 'php':
        if (c === '(' || c === ')') {
          if (lastSignificant !== '"' && lastSignificant !== "'") {
            lastSignificant = c;
            parens += c === '(' ? 1 : -1;
          }
        } else if (c === '>') {
          if (depth) {
            depth--;
            break;
          }
          if (inQuote) break;
          if (!parens && lastSignificant !== '"' && at(p - 1) === '?') {
            inQuote = '';
            state = 'text';
          }
        } else if (c === '"' || c === "'") {
          if (p >= 1 && at(p - 1) !== '\\') {
            if (lastSignificant === c) lastSignificant = '';
            else if (lastSignificant !== '\\') lastSignificant = c;
            if (!inQuote || c === inQuote) inQuote = inQuote ? '' : c;
          }
        } else if ((c === 'l' || c === 'L') && p > 4 && /^<\?xm$/i.test(input.slice(p - 4, p))) {
          // `<?xml` is not PHP: back to tag handling.
          state = 'tag';
          isXml = true;
        }
        break;

      case 'declaration':
        if (c === '>') {
          if (depth) {
            depth--;
            break;
          }
          if (inQuote) break;
          inQuote = '';
          state = 'text';
        } else if (c === '"' || c === "'") {
          if (at(p - 1) !== '\\' && (!inQuote || c === inQuote)) inQuote = inQuote ? '' : c;
        } else if (c === '-' && at(p - 1) === '-' && at(p - 2) === '!') {
          state = 'comment';
        } else if ((c === 'E' || c === 'e') && p > 6 && /^doctyp$/i.test(input.slice(p - 6, p))) {
          state = 'tag';
        }
        break;

      case 'comment':
        if (c === '>' && !inQuote && at(p - 1) === '-' && at(p - 2) === '-') {
          inQuote = '';
          state = 'text';
        }
        break;
    }
  }
  return out;
}

/** C isspace() in the "C" locale. */
function isCSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}
