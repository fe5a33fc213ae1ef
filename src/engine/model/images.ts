/**
 * The image catalog: how each container image behaves in the simulated cluster, as declarative data
 * (no functions, so it lives in the serializable state and a lesson can add its own images). The kubelet
 * reads it to time pulls and starts, to decide whether a container runs, crashes or is OOM-killed, and
 * the simulated network answers HTTP requests from it.
 *
 * Values not given fall back to the documented defaults (IMAGE_DEFAULTS): first pull 2 s, start 1 s,
 * ready at start, exit 1 s after SIGTERM.
 */

/** One HTTP answer: status code and body. The body may use `{{hostname}}`, `{{pod}}`, `{{version}}`, `{{ip}}`. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** What an image is and does. Everything but `repository` is optional. */
export interface ImageSpec {
  /** Repository as written in a pod spec without registry (`gasbugs/http-go`, `busybox`, `nginx`). */
  repository: string;
  /** Tags that exist; an empty list or `["*"]` means any tag. A tag not listed fails to pull (NotFound). */
  tags?: string[];
  /** Per tag overrides (e.g. v3 answers 500 on /healthz); merged over the spec for that tag. */
  variants?: Record<string, Partial<Omit<ImageSpec, "repository" | "tags" | "variants">>>;
  /** `{{version}}` in bodies: the tag unless set. */
  version?: string;
  /** Compressed size in bytes, shown in the Pulled event (`Image size: 4325178 bytes.`). */
  sizeBytes?: number;
  /** Seconds a first pull on a node takes (default 2). */
  pullSeconds?: number;
  /** Seconds from container start until the app listens (default 0: it listens when Started). */
  listenAfterSeconds?: number;
  /** Seconds from Created to Started (default 1). */
  startSeconds?: number;
  /** Seconds the app takes to exit after SIGTERM (default 1); above the grace period it is killed. */
  shutdownSeconds?: number;
  /** What runs when the pod gives no command: `serve` (an HTTP server on `ports`), `shell` (sh: exits at once without a tty), `exit` (runs and exits 0), `sleep` (runs forever). */
  defaultProcess?: "serve" | "shell" | "exit" | "sleep";
  /** TCP ports the app listens on. */
  ports?: number[];
  /** HTTP answers by path (`/`, `/healthz`); `*` answers any other path; without either: 404 `404 page not found`. */
  http?: Record<string, HttpAnswer>;
  /** Environment variables the app needs; a missing one makes it exit with code 1 at start. */
  requiredEnv?: string[];
  /** Memory the app uses, in bytes; a memory limit below it gets the container OOMKilled. */
  memoryBytes?: number;
  /** Seconds after start at which the memory is reached (the OOM kill happens then; default 1). */
  memoryAfterSeconds?: number;
  /** Log lines the app prints when it starts (templated like HTTP bodies). */
  logs?: string[];
  /** Executables in the image (`sh`, `wget`, `curl`, `bash`, `sleep`, the app's own binary). */
  binaries?: string[];
}

/** The defaults the kubelet uses when an image does not say (README: "Timing defaults"). */
export const IMAGE_DEFAULTS = {
  pullSeconds: 2,
  startSeconds: 1,
  shutdownSeconds: 1,
  memoryAfterSeconds: 1,
  sizeBytes: 5_000_000,
} as const;

/** An ImageSpec resolved for one tag: variant merged, tag and version known. */
export type ResolvedImage = Omit<ImageSpec, "variants"> & { tag: string; reference: string };

/** busybox's applets that matter in lessons (it has no bash and no curl). */
const BUSYBOX_BINARIES = [
  "sh",
  "ash",
  "wget",
  "nslookup",
  "nc",
  "ping",
  "ls",
  "cat",
  "env",
  "hostname",
  "sleep",
  "echo",
  "true",
  "false",
  "top",
  "ps",
];

/** Binaries of a Debian-based app image (gasbugs/http-go is built on golang: bash and curl are there). */
const DEBIAN_BINARIES = [
  "sh",
  "bash",
  "curl",
  "ls",
  "cat",
  "env",
  "hostname",
  "sleep",
  "echo",
  "true",
  "false",
];

/**
 * gasbugs/http-go answers `Welcome! <hostname>` on :8080 (its main.go: httprouter, `fmt.Fprint(w,
 * "Welcome! "+hostname+"\n")`). v2 and v3 are documented here as adding their version
 * (`Welcome! v2 <hostname>`), a plausible stand-in: their real bodies are not known to us.
 */
const HTTP_GO: ImageSpec = {
  repository: "gasbugs/http-go",
  tags: ["latest", "v1", "v2", "v3"],
  sizeBytes: 4_325_178,
  defaultProcess: "serve",
  ports: [8080],
  http: { "/": { status: 200, body: "Welcome! {{hostname}}\n" } },
  binaries: [...DEBIAN_BINARIES, "main"],
  memoryBytes: 8 * 1024 * 1024,
  variants: {
    v2: { http: { "/": { status: 200, body: "Welcome! v2 {{hostname}}\n" } } },
    v3: { http: { "/": { status: 200, body: "Welcome! v3 {{hostname}}\n" } } },
  },
};

/** The images every cluster knows. */
export const DEFAULT_IMAGES: readonly ImageSpec[] = [
  {
    repository: "busybox",
    tags: ["*"],
    sizeBytes: 2_155_526,
    defaultProcess: "shell",
    // As PID 1, busybox sh and sleep ignore SIGTERM: the pod goes only when the grace period ends (30 s).
    shutdownSeconds: 3600,
    binaries: BUSYBOX_BINARIES,
  },
  {
    repository: "curlimages/curl",
    tags: ["*"],
    sizeBytes: 9_940_618,
    // Its entrypoint is curl itself: with no arguments it prints its usage hint and exits 2.
    defaultProcess: "exit",
    binaries: ["sh", "curl", "ls", "cat", "env", "hostname", "sleep", "echo"],
  },
  {
    repository: "nginx",
    tags: ["*"],
    sizeBytes: 72_099_501,
    defaultProcess: "serve",
    ports: [80],
    http: {
      "/": {
        status: 200,
        body: "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n",
      },
      "*": {
        status: 404,
        body: "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
      },
    },
    binaries: ["sh", "bash", "curl", "ls", "cat", "env", "hostname", "sleep", "echo", "nginx"],
    memoryBytes: 16 * 1024 * 1024,
  },
  HTTP_GO,
  // Lesson images for the failure modes (issue 4). The `sandbox/` repository marks them as ours.
  {
    repository: "sandbox/healthz-500",
    tags: ["*"],
    defaultProcess: "serve",
    ports: [8080],
    http: {
      "/": { status: 200, body: "Welcome! {{version}} {{hostname}}\n" },
      "/healthz": { status: 500, body: "unhealthy\n" },
    },
    binaries: [...DEBIAN_BINARIES],
  },
  {
    repository: "sandbox/needs-env",
    tags: ["*"],
    defaultProcess: "serve",
    ports: [8080],
    requiredEnv: ["APP_MODE"],
    http: { "/": { status: 200, body: "Welcome! {{version}} {{hostname}}\n" } },
    binaries: [...DEBIAN_BINARIES],
  },
  {
    repository: "sandbox/memory-hog",
    tags: ["*"],
    defaultProcess: "serve",
    ports: [8080],
    memoryBytes: 600 * 1024 * 1024,
    http: { "/": { status: 200, body: "Welcome! {{version}} {{hostname}}\n" } },
    binaries: [...DEBIAN_BINARIES],
  },
];

/**
 * Splits an image reference into repository and tag: `docker.io/library/busybox:1.36` →
 * `busybox`, `1.36`; no tag → `latest`. A digest (`@sha256:…`) counts as its tag.
 */
export function parseImageRef(image: string): { repository: string; tag: string } {
  let rest = image.trim();
  let tag = "latest";
  const at = rest.indexOf("@");
  if (at >= 0) {
    tag = rest.slice(at + 1);
    rest = rest.slice(0, at);
  } else {
    const colon = rest.lastIndexOf(":");
    if (colon > rest.lastIndexOf("/")) {
      tag = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
  }
  rest = rest.replace(/^docker\.io\//, "").replace(/^library\//, "");
  return { repository: rest, tag };
}

/** True when the image reference names no tag or `:latest` (imagePullPolicy then defaults to Always). */
export function isLatestTag(image: string): boolean {
  const { tag } = parseImageRef(image);
  return tag === "latest";
}

/** The fully qualified reference containerd reports (`docker.io/gasbugs/http-go:v1`, `docker.io/library/busybox:latest`). */
export function fullReference(image: string): string {
  const { repository, tag } = parseImageRef(image);
  const firstPart = repository.split("/")[0] ?? "";
  const hasRegistry = repository.includes("/") && (firstPart.includes(".") || firstPart.includes(":"));
  if (hasRegistry) return `${repository}:${tag}`;
  const path = repository.includes("/") ? repository : `library/${repository}`;
  return `docker.io/${path}:${tag}`;
}

/** Looks an image up in a catalog; undefined when the repository or the tag does not exist (a pull fails). */
export function resolveImage(catalog: readonly ImageSpec[], image: string): ResolvedImage | undefined {
  const { repository, tag } = parseImageRef(image);
  // Later entries win, so a lesson's image overrides a default one of the same repository.
  for (let i = catalog.length - 1; i >= 0; i--) {
    const spec = catalog[i];
    if (!spec || spec.repository !== repository) continue;
    const tags = spec.tags ?? [];
    if (tags.length > 0 && !tags.includes("*") && !tags.includes(tag)) return undefined;
    const { variants, ...base } = spec;
    return {
      ...base,
      ...(variants?.[tag] ?? {}),
      version: spec.variants?.[tag]?.version ?? spec.version ?? tag,
      tag,
      reference: image,
    };
  }
  return undefined;
}

/** Fills `{{hostname}}`, `{{pod}}`, `{{version}}`, `{{ip}}` in a body or log line. */
export function renderTemplate(text: string, vars: { pod: string; version: string; ip: string }): string {
  return text
    .replaceAll("{{hostname}}", vars.pod)
    .replaceAll("{{pod}}", vars.pod)
    .replaceAll("{{version}}", vars.version)
    .replaceAll("{{ip}}", vars.ip);
}
