/**
 * What a browser downloads on a first visit to a page, read from the Remix build manifest
 * (public/build/manifest-*.js, written by `npm run build`): the entry, the root route and the
 * page's route modules, and every chunk they import (followed through the files themselves, so a
 * chunk imported by a chunk counts too). Sizes are gzip at the default level, as the server's compression sends them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestModule {
  module: string;
  imports?: string[];
}

interface Manifest {
  entry: ManifestModule;
  routes: Record<string, ManifestModule & { parentId?: string }>;
}

interface Chunk {
  file: string;
  raw: number;
  gzip: number;
}

interface PageBundle {
  routeId: string;
  files: Chunk[];
  gzip: number;
  raw: number;
}

export function readManifest(root: string): Manifest {
  const dir = path.join(root, "public/build");
  const name = readdirSync(dir).find((file) => /^manifest-[A-Z0-9]+\.js$/.test(file));
  if (!name) throw new Error("no public/build/manifest-*.js: run `npm run build` first");
  const text = readFileSync(path.join(dir, name), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** Static imports of a built module ("/build/..." URLs), relative ones resolved against its own URL. */
function importsOf(url: string, text: string): string[] {
  const found = [...text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].map((m) => m[1] ?? "");
  return found.map((spec) => new URL(spec, `http://x${url}`).pathname);
}

export function measurePage(root: string, manifest: Manifest, routeId: string): PageBundle {
  const route = manifest.routes[routeId];
  if (!route) throw new Error(`no route ${routeId} in the manifest`);
  const chain: ManifestModule[] = [];
  for (let current: (typeof manifest.routes)[string] | undefined = route; current;) {
    chain.unshift(current);
    current = current.parentId ? manifest.routes[current.parentId] : undefined;
  }
  const pending = [manifest.entry, ...chain].flatMap((mod) => [mod.module, ...(mod.imports ?? [])]);
  const seen = new Map<string, Chunk>();
  while (pending.length > 0) {
    const url = pending.pop() ?? "";
    if (seen.has(url)) continue;
    const bytes = readFileSync(path.join(root, "public", url));
    seen.set(url, { file: url, raw: bytes.length, gzip: gzipSync(bytes).length });
    pending.push(...importsOf(url, bytes.toString("utf8")));
  }
  const files = [...seen.values()].sort((a, b) => b.gzip - a.gzip);
  return { routeId, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), raw: files.reduce((sum, f) => sum + f.raw, 0) };
}

/** Every built JavaScript file's text, for looking for what must not reach a browser. */
export function builtScripts(root: string): Array<{ file: string; text: string }> {
  const dir = path.join(root, "public/build");
  const walk = (sub: string): string[] =>
    readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(sub, entry.name)) : entry.name.endsWith(".js") ? [path.join(sub, entry.name)] : [],
    );
  return walk(".").map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8") }));
}
