/** PHP's json_last_error codes and messages for the errors json_decode can report on a request body. */
export interface JsonDecodeError {
  code: number;
  message: string;
}

export type JsonDecodeResult = { ok: true; value: unknown } | { ok: false; error: JsonDecodeError };

/** PHP json_decode's default depth limit. */
const MAX_DEPTH = 512;

const DEPTH: JsonDecodeError = { code: 1, message: 'Maximum stack depth exceeded' };
const CTRL_CHAR: JsonDecodeError = { code: 3, message: 'Control character error, possibly incorrectly encoded' };
const SYNTAX: JsonDecodeError = { code: 4, message: 'Syntax error' };
const UTF16: JsonDecodeError = { code: 10, message: 'Single unpaired UTF-16 surrogate in unicode escape' };

/**
 * json_decode( $body, true ) as WP_REST_Request::parse_json_params runs it: JSON.parse, plus the inputs PHP rejects
 * and JavaScript accepts (lone surrogate escapes, nesting deeper than 512), and PHP's code for raw control characters.
 */
export function phpJsonDecode(text: string): JsonDecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: hasRawControlCharacterInString(text) ? CTRL_CHAR : SYNTAX };
  }
  if (/\\u[dD][89a-fA-F]/.test(text) && hasLoneSurrogateEscape(text)) return { ok: false, error: UTF16 };
  if (text.length > MAX_DEPTH * 2 && exceedsMaxDepth(text)) return { ok: false, error: DEPTH };
  return { ok: true, value };
}

function hasRawControlCharacterInString(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      else if (code < 0x20) return true;
    } else if (code === 0x22) {
      inString = true;
    }
  }
  return false;
}

/** Whether a `\uD800`–`\uDFFF` escape appears without its partner (only escapes can be lone: the text is UTF-16). */
function hasLoneSurrogateEscape(text: string): boolean {
  let pendingHigh = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x5c) {
      if (pendingHigh) return true;
      continue;
    }
    const escaped = text[i + 1];
    if (escaped !== 'u') {
      if (pendingHigh) return true;
      i++;
      continue;
    }
    const unit = parseInt(text.slice(i + 2, i + 6), 16);
    i += 5;
    const isHigh = unit >= 0xd800 && unit <= 0xdbff;
    const isLow = unit >= 0xdc00 && unit <= 0xdfff;
    if (pendingHigh) {
      if (!isLow) return true;
      pendingHigh = false;
    } else if (isLow) {
      return true;
    } else {
      pendingHigh = isHigh;
    }
  }
  return pendingHigh;
}

/** Counts bracket nesting in the (valid) text without recursing, so hostile depth cannot overflow the stack. */
function exceedsMaxDepth(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_DEPTH) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}
