/**
 * nginx for tests: the configuration in deploy/nginx, rendered into a temporary folder with the
 * test's ports, run in the foreground as a child of the test.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEPLOY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../deploy/nginx");

/** nginx's version line, or null when there is no nginx on the PATH. */
export function nginxVersion(): string | null {
  const result = spawnSync("nginx", ["-v"], { encoding: "utf8" });
  return result.error || result.status !== 0 ? null : result.stderr.trim();
}

/** `template` with each pattern replaced; a pattern that matches nothing means the template changed under the test. */
function render(template: string, replacements: Array<[RegExp, string]>): string {
  return replacements.reduce((text, [pattern, value]) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/jointly.conf has no ${pattern}: update the proxy test`);
    return text.replace(pattern, value);
  }, template);
}

/** deploy/nginx's process list with the template's per-process options, one line per address. */
function processList(addresses: string[]): string {
  const template = readFileSync(path.join(DEPLOY, "jointly-processes.conf"), "utf8");
  const options = /^server \S+ ?([^;]*);$/m.exec(template)?.[1];
  if (options === undefined) throw new Error("deploy/nginx/jointly-processes.conf lists no server");
  return addresses.map((address) => `server ${address} ${options};\n`).join("");
}

export interface Proxy {
  url: string;
  dir: string;
  accessLog: string;
  child: ChildProcess;
}

/** Writes the configuration for `addresses` behind 127.0.0.1:`port` and starts nginx on it. */
export function startNginx(port: number, addresses: string[], children: ChildProcess[]): Proxy {
  const dir = mkdtempSync(path.join(tmpdir(), "jointly-nginx-"));
  const accessLog = path.join(dir, "access.log");
  const site = render(readFileSync(path.join(DEPLOY, "jointly.conf"), "utf8"), [
    [/^\s*listen 80;$/m, `    listen 127.0.0.1:${port};`],
    [/^\s*listen \[::\]:80;\n/m, ""],
    [/access_log \S+ jointly;/, `access_log ${accessLog} jointly;`],
  ]);
  writeFileSync(path.join(dir, "jointly.conf"), site);
  writeFileSync(path.join(dir, "jointly-processes.conf"), processList(addresses));
  // Everything nginx writes stays in the folder. As root, nginx would run its workers as
  // "nobody", who cannot enter a private temporary folder.
  const main = [
    process.getuid?.() === 0 ? "user root;" : "",
    "worker_processes 1;",
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "events { worker_connections 512; }",
    "http {",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`),
    "  include jointly.conf;",
    "}",
  ].join("\n");
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, main);
  const child = spawn("nginx", ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(child);
  return { url: `http://127.0.0.1:${port}`, dir, accessLog, child };
}

export interface AccessLine {
  request: string;
  status: number;
  upstream: string;
  id: string;
}

/** The proxy's access log so far, parsed (the `jointly` log format). */
export function accessLines(proxy: Proxy): AccessLine[] {
  let text = "";
  try {
    text = readFileSync(proxy.accessLog, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .map((line) => /"([^"]*)" (\d+) .* upstream=(\S+) upstream_status=\S+ id=(\S+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ request: m[1], status: Number(m[2]), upstream: m[3], id: m[4] }));
}
