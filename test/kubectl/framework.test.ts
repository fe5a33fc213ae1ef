/**
 * The kubectl framework: command lookup, pflag parsing and cobra's error texts. Expected strings are real
 * kubectl v1.32.4 output (captured from the binary with no cluster; these errors are client-side).
 */
import { describe, expect, it } from "vitest";
import { parseDuration, parseFlags } from "../../src/kubectl/flags";
import { ROLLOUT_HELP } from "../../src/kubectl/help/rollout";
import { run, staticCluster } from "./support";

const c = staticCluster([]);

describe("cobra errors", () => {
  it.each([
    [["version", "--foo"], "Error: unknown flag: --foo\nSee 'kubectl version --help' for usage.\n"],
    [
      ["version", "--output"],
      "Error: flag needs an argument: --output\nSee 'kubectl version --help' for usage.\n",
    ],
    [
      ["version", "-x"],
      "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl version --help' for usage.\n",
    ],
    [
      ["version", "-n"],
      "Error: flag needs an argument: 'n' in -n\nSee 'kubectl version --help' for usage.\n",
    ],
    [["-n"], "Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"],
    [["foo"], 'Error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n\n'],
    [["gte"], 'Error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\n'],
    [["rollout", "foo"], "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"],
    [["version", "extra"], "error: extra arguments: [extra]\n"],
    [["version", "-o", "foo"], "error: --output must be 'yaml' or 'json'\n"],
  ])("kubectl %j", (argv, stderr) => {
    const r = run(c, argv);
    expect(r).toEqual({ stdout: "", stderr, exit: 1 });
  });

  it("kubectl rollout alone prints its help on stdout and exits 1", () => {
    expect(run(c, ["rollout"])).toEqual({ stdout: ROLLOUT_HELP, stderr: "", exit: 1 });
  });

  it("kubectl version", () => {
    expect(run(c, ["version"]).stdout).toBe(
      "Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n",
    );
    expect(run(c, ["-n", "default", "version", "--client"]).stdout).toBe(
      "Client Version: v1.32.4\nKustomize Version: v5.5.0\n",
    );
  });
});

describe("pflag parsing", () => {
  const defs = [
    { name: "namespace", shorthand: "n", kind: "string" as const },
    { name: "stdin", shorthand: "i", kind: "bool" as const },
    { name: "tty", shorthand: "t", kind: "bool" as const },
    { name: "record", kind: "bool" as const },
    { name: "revision", kind: "int" as const, default: "0" },
  ];
  it("accepts every form pflag accepts", () => {
    const p = parseFlags(["a", "-nfoo", "-it", "--record", "b", "--revision=3", "--", "-x", "y"], defs);
    expect(p.args).toEqual(["a", "b", "-x", "y"]);
    expect(p.argsLenAtDash).toBe(2);
    expect(p.flags.string("namespace")).toBe("foo");
    expect(p.flags.bool("stdin") && p.flags.bool("tty") && p.flags.bool("record")).toBe(true);
    expect(p.flags.int("revision")).toBe(3);
    expect(parseFlags(["-n=bar", "--record=false"], defs).flags.string("namespace")).toBe("bar");
    expect(parseFlags(["--record=false"], defs).flags.bool("record")).toBe(false);
  });
  it("rejects bad values with strconv's words", () => {
    expect(() => parseFlags(["--revision=abc"], defs)).toThrow(
      'invalid argument "abc" for "--revision" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    );
  });
  it("parses Go durations", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("abc")).toBeUndefined();
  });
});
