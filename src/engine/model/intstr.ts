/**
 * IntOrString (k8s.io/apimachinery/pkg/util/intstr): `maxSurge: 1` or `maxSurge: "25%"`. Percentages are
 * scaled against a total and rounded up or down by the caller's choice (surge rounds up, unavailable down).
 */

/** An int-or-string value as it appears in a manifest. */
export type IntOrString = number | string;

/** `^[0-9]+%$`: what validation accepts as a percentage. */
export const PERCENT_PATTERN = /^[0-9]+%$/;

/** True when `v` is a string of digits followed by `%` (validation.IsValidPercent). */
export function isValidPercent(v: string): boolean {
  return PERCENT_PATTERN.test(v);
}

/**
 * The literal value of an int-or-percent, ignoring the `%` (apps validation's getIntOrPercentValue):
 * `0` and `"0%"` are both 0, which is how validation sees "both zero". A malformed string counts as 0.
 */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  return isValidPercent(v) ? Number.parseInt(v.slice(0, -1), 10) : 0;
}

/**
 * GetScaledValueFromIntOrPercent: an int as is; `"p%"` as ceil or floor of p·total/100.
 * Example: `"25%"` of 3 is 1 rounded up, 0 rounded down. Throws on a string that is not a percentage.
 */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) throw new Error("nil value for IntOrString");
  if (typeof v === "number") return v;
  if (!v.endsWith("%")) throw new Error(`invalid type: string is not a percentage`);
  const digits = v.slice(0, -1);
  if (!/^[+-]?[0-9]+$/.test(digits)) {
    throw new Error(
      `invalid value for IntOrString: invalid value "${v}": strconv.Atoi: parsing "${digits}": invalid syntax`,
    );
  }
  const p = Number.parseInt(digits, 10);
  const exact = (p * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Go's `%#v` of an intstr.IntOrString, as the API server prints a bad value in a field error:
 * `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`.
 */
export function goIntOrString(v: IntOrString | undefined): string {
  if (typeof v === "string") return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}
