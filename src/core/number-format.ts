/**
 * Excel number formats: the text a cell shows for a number, so that the core
 * reads `60%`, `2025年9月30日` and `1,200万元` where the department typed and
 * saw them, not 0.6, 45930 and 1200. Both hosts pass every number through
 * `displayValue` with its cell's format, so the CLI and the add-in give the
 * core the same grid.
 *
 * Covered: sections (`pos;neg;zero;text`, a section holding `@` is the text
 * one) and conditions (`[>=100]`); colours, locale tags and `[DBNum1]` are
 * dropped (digits stay Arabic); currency tags (`[$¥-804]`) print their
 * symbol; digit placeholders `0 # ?`, thousands separators and scaling
 * commas, `%`, scientific notation, literals (`"万元"`, `\x`, unquoted CJK);
 * dates and times from Excel's serial numbers (1900 date system, with its
 * 29 February 1900), elapsed times (`[h]:mm`), month and weekday names in
 * Chinese unless the format asks for English (`[$-409]`). As Chinese
 * Windows shows them: the system short date (format 14: `m/d/yyyy` in
 * Office.js, `mm-dd-yy` in ExcelJS) is `2025/9/30`, the system long date
 * (`[$-x-sysdate]`, `[$-F800]`) `2025年9月30日`. Fractions (`# ?/?`) and
 * what Excel shows as `#####` (dates before 1900 or after 9999) stay numbers.
 */
import type { CellValue } from "./grid";

type Names = "zh" | "en";

type Token =
  | { readonly k: "lit"; readonly s: string }
  | { readonly k: "digit"; readonly c: string }
  | { readonly k: "point" | "comma" | "percent" | "general" | "text" }
  | { readonly k: "exp"; readonly plus: boolean }
  | { readonly k: "date"; readonly code: string };

interface Section {
  readonly tokens: readonly Token[];
  readonly condition: ((x: number) => boolean) | null;
  readonly kind: "number" | "date" | "text" | "literal" | "unsupported";
  readonly names: Names;
}

/** Whole formats that stand for a system format, as Chinese Windows shows it. */
const ALIASES: Readonly<Record<string, string>> = {
  "mm-dd-yy": "yyyy/m/d",
  "m/d/yyyy": "yyyy/m/d",
  "m/d/yy": "yyyy/m/d",
  "m/d/yy h:mm": "yyyy/m/d h:mm",
  'm/d/yy "h":mm': "yyyy/m/d h:mm",
  "m/d/yyyy h:mm": "yyyy/m/d h:mm",
};
const SYSTEM_LONG_DATE = 'yyyy"年"m"月"d"日"';
const SYSTEM_TIME = "h:mm:ss";

const CONDITION = /^(<>|>=|<=|=|<|>)\s*(-?\d+(?:\.\d*)?)$/;
const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  "=": (a, b) => a === b,
  "<>": (a, b) => a !== b,
  "<": (a, b) => a < b,
  ">": (a, b) => a > b,
  "<=": (a, b) => a <= b,
  ">=": (a, b) => a >= b,
};

/** Splits at `;` outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === ";") {
      out.push(current);
      current = "";
      continue;
    }
    let end = i;
    if (ch === '"') end = format.indexOf('"', i + 1);
    else if (ch === "[") end = format.indexOf("]", i + 1);
    else if (ch === "\\" || ch === "_" || ch === "*") end = i + 1;
    if (end < 0) end = format.length - 1;
    current += format.slice(i, end + 1);
    i = end;
  }
  out.push(current);
  return out;
}

/** Date and time codes: a run of the letter, normalised to the code the table below knows. */
function dateCode(letter: string, length: number): string {
  switch (letter) {
    case "y":
      return length <= 2 ? "yy" : "yyyy";
    case "m":
      return "m".repeat(Math.min(length, 5));
    case "d":
      return "d".repeat(Math.min(length, 4));
    case "e":
      return "yyyy";
    default:
      return letter.repeat(Math.min(length, 2));
  }
}

const AMPM = [/^am\/pm/i, /^a\/p/i, /^上午\/下午/];

function parseSection(source: string): Section {
  const tokens: Token[] = [];
  let condition: Section["condition"] = null;
  let names: Names = "zh";
  let unsupported = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const rest = source.slice(i);
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      const stop = end < 0 ? source.length : end;
      tokens.push({ k: "lit", s: source.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      if (i + 1 < source.length) tokens.push({ k: "lit", s: source[i + 1]! });
      i++;
    } else if (ch === "_" || ch === "*") {
      i++; // padding and fill: no text of their own
    } else if (ch === "[") {
      const end = source.indexOf("]", i + 1);
      const stop = end < 0 ? source.length : end;
      const inner = source.slice(i + 1, stop);
      i = stop;
      const cond = CONDITION.exec(inner);
      if (cond) {
        const [, op, n] = cond;
        condition = (x) => COMPARE[op!]!(x, Number(n));
      } else if (/^(h+|m+|s+)$/i.test(inner)) {
        tokens.push({ k: "date", code: `[${inner.toLowerCase().slice(0, 2)}]` });
      } else if (inner.startsWith("$")) {
        const dash = inner.indexOf("-");
        const symbol = dash < 0 ? inner.slice(1) : inner.slice(1, dash);
        const locale = dash < 0 ? "" : inner.slice(dash + 1).toLowerCase();
        if (locale === "x-sysdate" || locale === "f800") return parseSection(SYSTEM_LONG_DATE);
        if (locale === "x-systime" || locale === "f400") return parseSection(SYSTEM_TIME);
        if (/^(409|809|c09|1009|1409|en)/.test(locale)) names = "en";
        if (symbol !== "") tokens.push({ k: "lit", s: symbol });
      }
      // Colours, [DBNum1] and the like only change how the text looks.
    } else if (ch === "@") {
      tokens.push({ k: "text" });
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ k: "digit", c: ch });
    } else if (ch === ".") {
      tokens.push({ k: "point" });
    } else if (ch === ",") {
      tokens.push({ k: "comma" });
    } else if (ch === "%") {
      tokens.push({ k: "percent" });
    } else if (ch === "/" && tokens.some((t) => t.k === "digit")) {
      unsupported = true; // a fraction
    } else if (/^general/i.test(rest) || rest.startsWith("G/通用格式")) {
      tokens.push({ k: "general" });
      i += rest.startsWith("G/") ? 5 : 6;
    } else if (lower === "e" && (source[i + 1] === "+" || source[i + 1] === "-")) {
      tokens.push({ k: "exp", plus: source[i + 1] === "+" });
      i++;
    } else if (AMPM.some((re) => re.test(rest))) {
      const m = AMPM.map((re) => re.exec(rest)).find((x) => x)!;
      tokens.push({ k: "date", code: `ampm:${m[0]}` });
      i += m[0].length - 1;
    } else if ("ymdhse".includes(lower) || (lower === "a" && /^aaa/i.test(rest))) {
      let n = 1;
      while (source[i + n]?.toLowerCase() === lower) n++;
      tokens.push({ k: "date", code: lower === "a" ? "a".repeat(Math.min(n, 4)) : dateCode(lower, n) });
      i += n - 1;
    } else {
      tokens.push({ k: "lit", s: ch });
    }
  }
  const has = (k: Token["k"]) => tokens.some((t) => t.k === k);
  const kind = has("text") ? "text" : has("date") ? "date" : unsupported ? "unsupported" : has("digit") || has("general") ? "number" : "literal";
  return { tokens: kind === "date" ? dateTokens(tokens) : tokens, condition, kind, names };
}

const isHour = (code: string) => code.startsWith("h") || code === "[h]" || code === "[hh]";
const isSecond = (code: string) => code.startsWith("s") || code === "[s]" || code === "[ss]";

/** In a date section: `m` after an hour or before a second is minutes (`M`); `ss.00` takes its fraction. */
function dateTokens(tokens: readonly Token[]): Token[] {
  const dates = tokens.filter((t): t is Extract<Token, { k: "date" }> => t.k === "date");
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.k === "date" && (t.code === "m" || t.code === "mm")) {
      const at = dates.indexOf(t);
      const before = dates[at - 1];
      const after = dates[at + 1];
      if ((before && isHour(before.code)) || (after && isSecond(after.code))) {
        out.push({ k: "date", code: t.code.toUpperCase() });
        continue;
      }
    }
    if (t.k === "point" && out.at(-1)?.k === "date" && isSecond((out.at(-1) as { code: string }).code)) {
      let n = 0;
      while (tokens[i + 1 + n]?.k === "digit") n++;
      if (n > 0) {
        out.push({ k: "date", code: `f${Math.min(n, 3)}` });
        i += n;
        continue;
      }
    }
    if (t.k === "date" || t.k === "lit") out.push(t);
    else if (t.k === "digit") out.push({ k: "lit", s: t.c });
    else if (t.k === "point") out.push({ k: "lit", s: "." });
    else if (t.k === "comma") out.push({ k: "lit", s: "," });
    else if (t.k === "percent") out.push({ k: "lit", s: "%" });
  }
  return out;
}

interface Format {
  /** Sections for numbers (the text section left out). */
  readonly sections: readonly Section[];
}

const cache = new Map<string, Format>();

function compile(format: string): Format {
  let f = cache.get(format);
  if (!f) {
    const sections = splitSections(ALIASES[format] ?? format)
      .map(parseSection)
      .filter((s) => s.kind !== "text");
    f = { sections };
    if (cache.size > 500) cache.clear();
    cache.set(format, f);
  }
  return f;
}

/** The section a number shows in, and whether that section drops the minus sign; null: Excel shows `#####`. */
function pick(sections: readonly Section[], x: number): { section: Section; signed: boolean } | null {
  if (sections.length === 0) return null;
  if (sections.some((s) => s.condition)) {
    // Conditions: the first section whose condition holds; a section without one takes the rest.
    for (const s of sections.slice(0, 3)) if (!s.condition || s.condition(x)) return { section: s, signed: true };
    return null;
  }
  if (x < 0 && sections.length >= 2) return { section: sections[1]!, signed: false };
  if (x === 0 && sections.length >= 3) return { section: sections[2]!, signed: false };
  return { section: sections[0]!, signed: true };
}

/**
 * The text Excel shows for `value` in a cell of `numberFormat`. Numbers under
 * `General` (or no format, or a text-only format like `@`) stay numbers, as
 * do numbers whose format this module does not know how to show; a format
 * that shows nothing (`;;;`) gives null. Strings and booleans pass through.
 */
export function displayValue(value: CellValue, numberFormat: string | null | undefined): CellValue {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  if (!numberFormat || /^general$/i.test(numberFormat) || numberFormat === "G/通用格式") return value;
  const picked = pick(compile(numberFormat).sections, value);
  if (!picked) return value;
  const { section, signed } = picked;
  let text: string | null;
  switch (section.kind) {
    case "date":
      text = formatDate(section, value);
      break;
    case "number":
      text = formatNumber(section, value, signed);
      break;
    case "literal":
      text = section.tokens.map((t) => (t.k === "lit" ? t.s : t.k === "percent" ? "%" : t.k === "point" ? "." : t.k === "comma" ? "," : "")).join("");
      break;
    default:
      text = null;
  }
  if (text === null) return value;
  return text === "" ? null : text;
}

// ---------------------------------------------------------------------------
// Numbers

/**
 * `abs` (≥ 0) rounded to `decimals` places, half away from zero, on its 15
 * significant digits as Excel rounds (1.005 → 1.01): integer and fraction digits.
 */
export function roundDigits(abs: number, decimals: number): [string, string] {
  if (abs === 0) return ["0", "0".repeat(decimals)];
  const [mantissa, exponent] = abs.toExponential(14).split("e");
  const digits = mantissa!.replace(".", "");
  const keep = Number(exponent) + 1 + decimals;
  let kept: string;
  if (keep < 0) kept = "0";
  else if (keep >= digits.length) kept = digits + "0".repeat(keep - digits.length);
  else kept = String((keep === 0 ? 0 : Number(digits.slice(0, keep))) + (digits[keep]! >= "5" ? 1 : 0));
  kept = kept.padStart(decimals + 1, "0");
  return [kept.slice(0, kept.length - decimals).replace(/^0+(?=\d)/, ""), kept.slice(kept.length - decimals)];
}

function generalText(abs: number): string {
  return String(Number(abs.toPrecision(11)));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

function formatNumber(section: Section, x: number, signed: boolean): string {
  const tokens = section.tokens;
  const expAt = tokens.findIndex((t) => t.k === "exp");
  const mantissaEnd = expAt < 0 ? tokens.length : expAt;
  const pointAt = tokens.findIndex((t, i) => t.k === "point" && i < mantissaEnd);
  const intEnd = pointAt < 0 ? mantissaEnd : pointAt;
  const digitAt = (from: number, to: number) => tokens.map((t, i) => (t.k === "digit" && i >= from && i < to ? i : -1)).filter((i) => i >= 0);
  const intDigits = digitAt(0, intEnd);
  const fracDigits = pointAt < 0 ? [] : digitAt(pointAt + 1, mantissaEnd);
  const expDigits = expAt < 0 ? [] : digitAt(expAt + 1, tokens.length);

  // Commas right after the last digit placeholder of a part scale by 1000; between digits they group.
  const lastInt = intDigits.at(-1) ?? -1;
  const lastFrac = fracDigits.at(-1) ?? -1;
  const role = new Map<number, "group" | "scale">();
  tokens.forEach((t, i) => {
    if (t.k !== "comma") return;
    if (i < intEnd && intDigits.length > 0 && i > intDigits[0]! && i < lastInt) role.set(i, "group");
    else if ((i > lastInt && i < intEnd && lastInt >= 0) || (lastFrac >= 0 && i > lastFrac && i < mantissaEnd)) role.set(i, "scale");
  });
  const grouping = [...role.values()].includes("group");
  const scale = [...role.values()].filter((r) => r === "scale").length;
  const percents = tokens.filter((t) => t.k === "percent").length;

  let abs = (Math.abs(x) * 100 ** percents) / 1000 ** scale;
  let exponent = 0;
  if (expAt >= 0 && abs !== 0) {
    // Engineering formats (`##0.0E+0`) keep the exponent a multiple of the integer placeholders.
    const width = Math.max(1, intDigits.length);
    const magnitude = Math.floor(Math.log10(abs));
    exponent = tokens.slice(0, intEnd).some((t) => t.k === "digit" && t.c === "#") ? Math.floor(magnitude / width) * width : magnitude - (width - 1);
    abs /= 10 ** exponent;
    const [i] = roundDigits(abs, fracDigits.length);
    if (i.length > Math.max(1, intDigits.length) && !tokens.slice(0, intEnd).some((t) => t.k === "digit" && t.c === "#")) {
      exponent += 1;
      abs /= 10;
    }
  }
  const [intText, fracText] = roundDigits(abs, fracDigits.length);

  // Integer digits right-aligned on the placeholders; the first one takes any extra digits.
  const digits = intText === "0" ? "" : intText;
  const fill = new Map<number, string>();
  intDigits.forEach((at, j) => {
    const fromRight = intDigits.length - j;
    const pos = digits.length - fromRight;
    const c = (tokens[at] as { c: string }).c;
    let s = pos >= 0 ? digits[pos]! : c === "0" ? "0" : c === "?" ? " " : "";
    if (j === 0 && pos > 0) s = digits.slice(0, pos) + s;
    fill.set(at, s);
  });
  if (grouping && intDigits.length > 0) {
    const whole = intDigits.map((at) => fill.get(at)!).join("");
    intDigits.forEach((at, j) => fill.set(at, j === 0 ? whole.replace(/\d+/, groupThousands) : ""));
  }
  // Fraction digits: `#` and `?` drop trailing zeros (`?` as spaces).
  fracDigits.forEach((at, j) => {
    const c = (tokens[at] as { c: string }).c;
    const trailing = /^0*$/.test(fracText.slice(j));
    fill.set(at, c === "0" || !trailing ? fracText[j]! : c === "?" ? " " : "");
  });
  const expText = String(Math.abs(exponent)).padStart(expDigits.length, "0");
  expDigits.forEach((at, j) => fill.set(at, j === 0 ? expText : ""));

  let out = "";
  tokens.forEach((t, i) => {
    if (t.k === "digit") out += fill.get(i) ?? "";
    else if (t.k === "lit") out += t.s;
    else if (t.k === "percent") out += "%";
    else if (t.k === "point") out += (i === pointAt && intDigits.length === 0 ? digits : "") + ".";
    else if (t.k === "comma") out += role.has(i) ? "" : ",";
    else if (t.k === "general") out += generalText(abs);
    else if (t.k === "exp") out += `E${exponent < 0 ? "-" : t.plus ? "+" : ""}`;
  });
  const general = tokens.some((t) => t.k === "general");
  if (intDigits.length === 0 && pointAt < 0 && digits !== "" && !general) out = digits + out;
  const negative = signed && x < 0 && (general ? abs !== 0 : /[1-9]/.test(intText + fracText));
  return negative ? `-${out}` : out;
}

// ---------------------------------------------------------------------------
// Dates and times

interface DateParts {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  /** 0 = Sunday. */
  readonly wd: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  /** Fraction of the second, as digits. */
  readonly frac: string;
  /** Whole seconds since serial 0, for elapsed times. */
  readonly total: number;
  readonly pm: boolean;
  readonly hour12: boolean;
  readonly names: Names;
}

const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ZH_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const ZH_DAYS = "日一二三四五六";

const pad2 = (n: number) => String(n).padStart(2, "0");
const hour = (p: DateParts) => (p.hour12 ? p.h % 12 || 12 : p.h);

/** What each date code shows. */
const DATE_CODES: Readonly<Record<string, (p: DateParts) => string>> = {
  yy: (p) => pad2(p.y % 100),
  yyyy: (p) => String(p.y),
  m: (p) => String(p.mo),
  mm: (p) => pad2(p.mo),
  mmm: (p) => (p.names === "en" ? EN_MONTHS[p.mo - 1]!.slice(0, 3) : `${p.mo}月`),
  mmmm: (p) => (p.names === "en" ? EN_MONTHS[p.mo - 1]! : `${ZH_MONTHS[p.mo - 1]!}月`),
  mmmmm: (p) => (p.names === "en" ? EN_MONTHS[p.mo - 1]![0]! : ZH_MONTHS[p.mo - 1]!),
  d: (p) => String(p.d),
  dd: (p) => pad2(p.d),
  ddd: (p) => (p.names === "en" ? EN_DAYS[p.wd]!.slice(0, 3) : `周${ZH_DAYS[p.wd]!}`),
  dddd: (p) => (p.names === "en" ? EN_DAYS[p.wd]! : `星期${ZH_DAYS[p.wd]!}`),
  aaa: (p) => ZH_DAYS[p.wd]!,
  aaaa: (p) => `星期${ZH_DAYS[p.wd]!}`,
  h: (p) => String(hour(p)),
  hh: (p) => pad2(hour(p)),
  M: (p) => String(p.mi),
  MM: (p) => pad2(p.mi),
  s: (p) => String(p.s),
  ss: (p) => pad2(p.s),
  "[h]": (p) => String(Math.floor(p.total / 3600)),
  "[hh]": (p) => pad2(Math.floor(p.total / 3600)),
  "[m]": (p) => String(Math.floor(p.total / 60)),
  "[mm]": (p) => pad2(Math.floor(p.total / 60)),
  "[s]": (p) => String(p.total),
  "[ss]": (p) => pad2(p.total),
  f1: (p) => `.${p.frac}`,
  f2: (p) => `.${p.frac}`,
  f3: (p) => `.${p.frac}`,
};

/** Excel's first day after its 29 February 1900 (serial 61 is 1 March 1900). */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial of 1 January 10000: Excel shows `#####` from there on. */
const MAX_SERIAL = 2_958_466;

function dateParts(serial: number, section: Section): DateParts | null {
  if (serial < 0 || serial >= MAX_SERIAL) return null;
  const fracCode = section.tokens.find((t) => t.k === "date" && /^f\d$/.test(t.code)) as { code: string } | undefined;
  const fracDigits = fracCode ? Number(fracCode.code[1]) : 0;
  // Excel rounds the time to the shown precision (whole seconds unless `ss.00`).
  const unit = 10 ** fracDigits;
  const units = Math.round(serial * 86_400 * unit);
  const days = Math.floor(units / (86_400 * unit));
  const seconds = Math.floor((units - days * 86_400 * unit) / unit);
  const frac = String(units % unit).padStart(fracDigits, "0");
  let y: number;
  let mo: number;
  let d: number;
  if (days === 0) [y, mo, d] = [1900, 1, 0];
  else if (days === 60) [y, mo, d] = [1900, 2, 29];
  else {
    // Before Excel's 29 February 1900 the serials are a day ahead.
    const date = new Date(EPOCH + (days < 60 ? days + 1 : days) * DAY_MS);
    [y, mo, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  return {
    y,
    mo,
    d,
    wd: (days + 6) % 7,
    h: Math.floor(seconds / 3600),
    mi: Math.floor((seconds % 3600) / 60),
    s: seconds % 60,
    frac,
    total: days * 86_400 + seconds,
    pm: seconds >= 43_200,
    hour12: section.tokens.some((t) => t.k === "date" && t.code.startsWith("ampm:")),
    names: section.names,
  };
}

function ampm(code: string, pm: boolean): string {
  const [am, p] = code.slice(5).split("/");
  return pm ? p! : am!;
}

function formatDate(section: Section, serial: number): string | null {
  const p = dateParts(serial, section);
  if (!p) return null;
  let out = "";
  for (const t of section.tokens) {
    if (t.k === "lit") out += t.s;
    else if (t.k === "date") out += t.code.startsWith("ampm:") ? ampm(t.code, p.pm) : (DATE_CODES[t.code]?.(p) ?? "");
  }
  return out;
}
