/**
 * A title as the words it may break between (GB/T 9704: a title of several
 * lines breaks 词意完整, never inside a word). The words come from the
 * title's template: a filled-in value (the government, the quarter) is one
 * word, and the template's own text breaks only around 关于, after 的, 、
 * and ，, and around quoted or bracketed spans (《政府工作报告》 stays whole).
 * No dictionary is needed, so every host breaks a title the same way, and an
 * office that rewrites the title template keeps sensible breaks.
 */

/** Literal template text as words. */
export function literalWords(text: string): string[] {
  const words: string[] = [];
  let word = "";
  const cut = () => {
    if (word !== "") words.push(word);
    word = "";
  };
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const span = SPANS[ch];
    if (span !== undefined) {
      const close = chars.indexOf(span, i + 1);
      if (close > i) {
        cut();
        word = chars.slice(i, close + 1).join("");
        cut();
        i = close;
        continue;
      }
    }
    if (ch === "关" && chars[i + 1] === "于") {
      cut();
      words.push("关于");
      i++;
      continue;
    }
    word += ch;
    if (BREAK_AFTER.has(ch)) cut();
  }
  cut();
  return words;
}

/** Opening mark → its closing mark: the span between stays one word. */
const SPANS: Readonly<Record<string, string>> = { "《": "》", "（": "）", "“": "”", "‘": "’", "(": ")", "〔": "〕" };
const BREAK_AFTER = new Set(["的", "、", "，"]);

/**
 * The words of a filled template: each `{name}` value is one word (or the
 * words given in `nested` for it), the text between is cut by literalWords.
 * The words joined equal `fill(template, values)`.
 */
export function templateWords(
  template: string,
  values: Readonly<Record<string, string | number>>,
  nested: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const words: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    words.push(...literalWords(template.slice(last, m.index)));
    const name = m[1]!;
    const inner = nested[name];
    if (inner !== undefined) words.push(...inner);
    else {
      const v = values[name];
      if (v === undefined) throw new Error(`wording placeholder {${name}} has no value`);
      if (String(v) !== "") words.push(String(v));
    }
    last = m.index! + m[0].length;
  }
  words.push(...literalWords(template.slice(last)));
  return words.filter((w) => w !== "");
}
