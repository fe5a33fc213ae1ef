/**
 * Resource quantities (`500m`, `1`, `128Mi`, `1G`, `1e3`) as `resource.Quantity` parses and prints
 * them, kept as exact integer milli-units (bigint) so sums and comparisons never round.
 */

const BINARY: Record<string, bigint> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
};
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** A parsed quantity: its value in thousandths (so `500m` CPU is 500n and `1` is 1000n), and the suffix it was written with. */
export interface Quantity {
  milli: bigint;
  format: "binary" | "decimal" | "exponent";
}

/** The message of `resource.ErrFormatWrong`, which the API server reports for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Parses a quantity string or number; undefined if it is malformed. Fractions below a milli-unit round up, as the API server does. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = String(input).trim();
  const m = text.match(/^([+-]?)(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]?)$/);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const [intPart = "0", fracPart = ""] = (m[2] as string).split(".");
  const suffix = m[3] ?? "";
  let format: Quantity["format"] = "decimal";
  let num = BigInt(intPart + fracPart);
  let exp10 = -fracPart.length;
  let mul = 1n;
  if (suffix in BINARY) {
    format = "binary";
    mul = BINARY[suffix] as bigint;
  } else if (/^[eE]/.test(suffix)) {
    format = "exponent";
    exp10 += Number(suffix.slice(1));
  } else {
    exp10 += DECIMAL[suffix] ?? 0;
  }
  num *= mul;
  exp10 += 3; // to milli-units
  let milli: bigint;
  if (exp10 >= 0) milli = num * 10n ** BigInt(exp10);
  else {
    const div = 10n ** BigInt(-exp10);
    milli = (num + div - 1n) / div; // round up, as resource.Quantity does at milli precision
  }
  return { milli: sign * milli, format };
}

/** Milli-units of a quantity, or undefined when malformed. */
export function toMilli(input: string | number | undefined): bigint | undefined {
  if (input === undefined) return undefined;
  return parseQuantity(input)?.milli;
}

/**
 * Prints milli-units in canonical form: CPU-like values as `500m` or `2`; with `binary` as `128Mi`
 * when the value is a whole number of a binary unit, else in decimal (`1G`, `1500`).
 */
export function formatMilli(milli: bigint, format: Quantity["format"] = "decimal"): string {
  if (milli === 0n) return "0";
  const neg = milli < 0n;
  const abs = neg ? -milli : milli;
  const sign = neg ? "-" : "";
  if (abs % 1000n !== 0n) return `${sign}${abs}m`;
  const whole = abs / 1000n;
  if (format === "binary") {
    for (const unit of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
      const size = BINARY[unit] as bigint;
      if (whole % size === 0n) return `${sign}${whole / size}${unit}`;
    }
    return `${sign}${whole}`;
  }
  const units: [string, bigint][] = [
    ["E", 10n ** 18n],
    ["P", 10n ** 15n],
    ["T", 10n ** 12n],
    ["G", 10n ** 9n],
    ["M", 10n ** 6n],
    ["k", 10n ** 3n],
  ];
  for (const [unit, size] of units) if (whole % size === 0n) return `${sign}${whole / size}${unit}`;
  return `${sign}${whole}`;
}

/** Re-prints a quantity string canonically (`0.5` → `500m`, `1024Mi` → `1Gi`); the input if malformed. */
export function canonicalQuantity(input: string | number): string {
  const q = parseQuantity(input);
  return q ? formatMilli(q.milli, q.format) : String(input);
}
