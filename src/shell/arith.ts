/**
 * Arithmetic expansion `$((…))`: integers, variables by name (`i`, `$i`), `+ - * / %`, comparisons,
 * `&& || !`, parentheses. Division by zero and bad syntax are errors as ash words them.
 */

/** An arithmetic error (`sh: arithmetic syntax error`, `sh: divide by zero`). */
export class ArithError extends Error {}

/** Evaluates `source` with `get` for variables; integer result (truncated as C does). */
export function evaluateArith(source: string, get: (name: string) => string | undefined): number {
  const tokens = source.match(
    /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\$[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!])/gy,
  );
  const joined = (tokens ?? []).join("");
  if (joined.trim() !== source.trim()) throw new ArithError("arithmetic syntax error");
  const list = (tokens ?? []).map((t) => t.trim());
  let i = 0;
  const peek = (): string | undefined => list[i];
  const value = (t: string): number => {
    const v = get(t.replace(/^\$/, ""));
    const n = v === undefined || v === "" ? 0 : Number(v);
    if (!Number.isInteger(n)) throw new ArithError("arithmetic syntax error");
    return n;
  };
  const primary = (): number => {
    const t = list[i++];
    if (t === undefined) throw new ArithError("arithmetic syntax error");
    if (t === "(") {
      const v = or();
      if (list[i++] !== ")") throw new ArithError("arithmetic syntax error");
      return v;
    }
    if (t === "-") return -primary();
    if (t === "+") return primary();
    if (t === "!") return primary() === 0 ? 1 : 0;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^\$?[A-Za-z_]/.test(t)) return value(t);
    throw new ArithError("arithmetic syntax error");
  };
  const binary =
    (next: () => number, ops: Record<string, (a: number, b: number) => number>) => (): number => {
      let v = next();
      for (let op = peek(); op !== undefined && ops[op]; op = peek()) {
        i++;
        v = (ops[op] as (a: number, b: number) => number)(v, next());
      }
      return v;
    };
  const mul = binary(primary, {
    "*": (a, b) => a * b,
    "/": (a, b) => {
      if (b === 0) throw new ArithError("divide by zero");
      return Math.trunc(a / b);
    },
    "%": (a, b) => {
      if (b === 0) throw new ArithError("divide by zero");
      return a % b;
    },
  });
  const add = binary(mul, { "+": (a, b) => a + b, "-": (a, b) => a - b });
  const cmp = binary(add, {
    "<": (a, b) => Number(a < b),
    ">": (a, b) => Number(a > b),
    "<=": (a, b) => Number(a <= b),
    ">=": (a, b) => Number(a >= b),
  });
  const eq = binary(cmp, { "==": (a, b) => Number(a === b), "!=": (a, b) => Number(a !== b) });
  const and = binary(eq, { "&&": (a, b) => Number(a !== 0 && b !== 0) });
  const or = binary(and, { "||": (a, b) => Number(a !== 0 || b !== 0) });
  if (list.length === 0) return 0;
  const result = or();
  if (i !== list.length) throw new ArithError("arithmetic syntax error");
  return result;
}
