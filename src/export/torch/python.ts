/** Small helpers for writing Python source: literals, identifiers, indentation. No torch knowledge here. */

/** A Python string literal for any JS string (ASCII only: everything else escaped, astral code points as \U). */
export function pyStr(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c === 10) out += '\\n';
    else if (c === 9) out += '\\t';
    else if (c === 13) out += '\\r';
    else if (c <= 0xff) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c <= 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return `'${out}'`;
}

/** A Python literal for a param value or a shape: numbers, strings, booleans, (nested) lists → tuples are not needed. */
export function pyLit(v: number | string | boolean | readonly number[]): string {
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as a Python number`);
    return String(v);
  }
  return `[${v.map((d) => pyLit(d)).join(', ')}]`;
}

/** A tuple literal for a shape: (16,) or (28, 28, 1). */
export const pyShape = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`);

const KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

/** Names an nn.ModuleDict key must not take (they are attributes of the dict itself). */
const MODULEDICT_ATTRS = new Set(
  'T_destination add_module apply bfloat16 buffers children clear cpu cuda double dump_patches eval extra_repr float forward get_buffer get_extra_state get_parameter get_submodule half ipu items keys load_state_dict modules named_buffers named_children named_modules named_parameters parameters pop register_backward_hook register_buffer register_forward_hook register_forward_pre_hook register_full_backward_hook register_load_state_dict_post_hook register_module register_parameter requires_grad_ set_extra_state share_memory state_dict to to_empty train training type update values xpu zero_grad'.split(
    ' ',
  ),
);

/**
 * One Python-safe name per id (same order), unique: non-word characters become '_', and a name that
 * would start with a digit or '_', or clash with a keyword or an nn.ModuleDict attribute, gets the prefix 'n_'.
 */
export function safeNames(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_') || 'node';
    if (/^[0-9_]/.test(base) || KEYWORDS.has(base) || MODULEDICT_ATTRS.has(base)) base = 'n_' + base;
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    taken.add(name);
    return name;
  });
}

/** Indent every non-empty line of `text` by `n` spaces. */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l.trim() ? pad + l : ''))
    .join('\n');
}
